/**
 * Check characters of the unified social credit code (GB 32100-2015) and the
 * organisation code embedded in it (GB 11714-1997), enough to refuse a
 * mistyped department code. The subjects module owns the full identifier
 * toolkit; identity comes before it in the module order and keeps this copy.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character for a 17-character body, or null when the body has a character outside the alphabet. */
export function usccCheckCharacter(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(body.charAt(i));
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The 9th character of a GB 11714 organisation code for its 8-character body. */
export function orgCodeCheckCharacter(body: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number.parseInt(body.charAt(i), 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** True when `code` is 18 characters whose check character (and, for 机关 codes, embedded organisation code) holds. */
export function isValidDepartmentUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}

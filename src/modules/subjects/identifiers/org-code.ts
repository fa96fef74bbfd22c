/**
 * Legacy organisation code, GB 11714-1997: 8-character body + check character,
 * displayed `XXXXXXXX-X`. Still arrives in old penalty and licensing rows
 * (CF_XDR_ZZJG) and is embedded in most USCCs at positions 9–17.
 */
import { normalizeIdentifier } from './normalize';
import { badCharacter, badLength, checkMismatch, firstDisallowed } from './reasons';
import type { KindOutcome } from './reasons';

export const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

export interface OrgCodeDetails {
  readonly kind: 'org_code';
  readonly body: string;
  readonly checkCharacter: string;
}

const BODY_CHAR = /^[0-9A-Z]$/;
const CHECK_CHAR = /^[0-9X]$/;

/** 0–9 keep their value, A=10 … Z=35: the standard uses all 26 letters, unlike the USCC alphabet. */
export function orgCodeCharValue(ch: string): number {
  return Number.parseInt(ch, 36);
}

/** @throws RangeError when `body8` is not 8 characters of 0–9/A–Z (a programming error, not user input). */
export function computeOrgCodeCheck(body8: string): string {
  if (body8.length !== 8 || ![...body8].every((c) => BODY_CHAR.test(c))) {
    throw new RangeError(`organisation code body must be 8 characters of 0-9/A-Z, got '${body8}'`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCodeCharValue(body8.charAt(i)) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const c9 = 11 - (sum % 11);
  if (c9 === 10) return 'X';
  if (c9 === 11) return '0';
  return String(c9);
}

/** `D2143569X` → `D2143569-X`; other lengths are returned unchanged. */
export function formatOrgCode(normalized: string): string {
  return normalized.length === 9 ? `${normalized.slice(0, 8)}-${normalized.slice(8)}` : normalized;
}

/** Accepts `D2143569-X`, `D2143569X` and their full-width or lower-case variants. */
export function checkOrgCode(value: string): KindOutcome<OrgCodeDetails> {
  const compact = normalizeIdentifier(value);
  const normalized = formatOrgCode(compact);
  if (compact.length !== 9)
    return { valid: false, normalized, reason: badLength('org_code', '9 (8 + check)', compact.length) };

  const body = compact.slice(0, 8);
  const actual = compact.slice(8);
  const badBody = firstDisallowed(body, BODY_CHAR);
  if (badBody) {
    return {
      valid: false,
      normalized,
      reason: badCharacter('org_code', badBody.position, badBody.character, {
        zh: '本体代码只能是数字或大写字母',
        en: 'the body is digits and letters only',
      }),
    };
  }
  if (!CHECK_CHAR.test(actual)) {
    return {
      valid: false,
      normalized,
      reason: badCharacter('org_code', 9, actual, {
        zh: '校验位只能是 0–9 或 X',
        en: 'the check character is 0–9 or X',
      }),
    };
  }
  const expected = computeOrgCodeCheck(body);
  if (expected !== actual) return { valid: false, normalized, reason: checkMismatch(expected, actual) };
  return { valid: true, normalized, details: { kind: 'org_code', body, checkCharacter: actual } };
}

export function isValidOrgCode(value: string): boolean {
  return checkOrgCode(value).valid;
}

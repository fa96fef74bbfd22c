/**
 * Legacy 15-digit business registration number (工商注册号, CF_XDR_GSZC):
 * 6-digit authority division + 8-digit sequence + ISO 7064 MOD 11,10 check digit.
 */
import { normalizeIdentifier } from './normalize';
import { badCharacter, badLength, checkMismatch, firstDisallowed } from './reasons';
import type { KindOutcome } from './reasons';

export interface RegistrationNumberDetails {
  readonly kind: 'registration_number';
  /** Division code of the registering authority, e.g. `110108` for Haidian. */
  readonly divisionCode: string;
  readonly sequence: string;
}

const DIGIT = /^[0-9]$/;

/**
 * One step of ISO 7064 MOD 11,10. Exported so tests can reason about the state
 * machine itself (which substitutions it can and cannot catch).
 * @param state the running product p, 1–10 (10 before the first digit)
 */
export function mod1110Step(state: number, digit: number): number {
  const s = (digit + state) % 10 || 10;
  return (2 * s) % 11;
}

export const mod1110CheckFromState = (state: number): number => (11 - state) % 10;

/** @throws RangeError when `body14` is not 14 digits (a programming error, not user input). */
export function computeRegistrationCheck(body14: string): string {
  if (!/^[0-9]{14}$/.test(body14)) throw new RangeError(`registration number body must be 14 digits, got '${body14}'`);
  let state = 10;
  for (const ch of body14) state = mod1110Step(state, Number(ch));
  return String(mod1110CheckFromState(state));
}

export function checkRegistrationNumber(value: string): KindOutcome<RegistrationNumberDetails> {
  const normalized = normalizeIdentifier(value);
  if (normalized.length !== 15)
    return { valid: false, normalized, reason: badLength('registration_number', '15', normalized.length) };
  const bad = firstDisallowed(normalized, DIGIT);
  if (bad) {
    return {
      valid: false,
      normalized,
      reason: badCharacter('registration_number', bad.position, bad.character, { zh: '只能是数字', en: 'digits only' }),
    };
  }
  const expected = computeRegistrationCheck(normalized.slice(0, 14));
  const actual = normalized.slice(14);
  if (expected !== actual) return { valid: false, normalized, reason: checkMismatch(expected, actual) };
  return {
    valid: true,
    normalized,
    details: { kind: 'registration_number', divisionCode: normalized.slice(0, 6), sequence: normalized.slice(6, 14) },
  };
}

export function isValidRegistrationNumber(value: string): boolean {
  return checkRegistrationNumber(value).valid;
}

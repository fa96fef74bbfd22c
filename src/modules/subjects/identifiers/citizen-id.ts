/**
 * Citizen ID number, GB 11643-1999: 6-digit address + YYYYMMDD birth date +
 * 3-digit sequence + check character. Personal information: never log or show
 * it unmasked (see maskCitizenId).
 */
import { normalizeIdentifier } from './normalize';
import { badCharacter, badDate, badLength, checkMismatch, firstDisallowed } from './reasons';
import type { KindOutcome } from './reasons';

export const CITIZEN_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_BY_REMAINDER = '10X98765432';

/** The standard's own example 440524188001010014 is born in 1880, so 1900 would be too strict. */
export const MIN_BIRTH_YEAR = 1800;

// China has one time zone and no DST: "today" for a birth date is the date at UTC+8,
// not the server's local date.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface CitizenIdDetails {
  readonly kind: 'citizen_id';
  readonly addressCode: string;
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  readonly sequence: string;
  /** GB 11643: odd sequence numbers are assigned to men, even to women. */
  readonly sex: 'male' | 'female';
}

export interface CitizenIdOptions {
  /** Reference instant for the "not in the future" rule; defaults to now. */
  readonly today?: Date;
}

const DIGIT = /^[0-9]$/;

/** @throws RangeError when `body17` is not 17 digits (a programming error, not user input). */
export function computeCitizenIdCheck(body17: string): string {
  if (!/^[0-9]{17}$/.test(body17)) throw new RangeError(`citizen ID body must be 17 digits, got '${body17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17.charAt(i)) * (CITIZEN_ID_WEIGHTS[i] ?? 0);
  return CHECK_BY_REMAINDER.charAt(sum % 11);
}

export function chinaDateCompact(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/** `YYYYMMDD` is a real calendar date (leap years included). */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^[0-9]{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  // setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function checkCitizenId(value: string, opts: CitizenIdOptions = {}): KindOutcome<CitizenIdDetails> {
  const normalized = normalizeIdentifier(value);
  if (normalized.length !== 18)
    return { valid: false, normalized, reason: badLength('citizen_id', '18', normalized.length) };

  const body = normalized.slice(0, 17);
  const actual = normalized.slice(17);
  const badBody = firstDisallowed(body, DIGIT);
  if (badBody) {
    return {
      valid: false,
      normalized,
      reason: badCharacter('citizen_id', badBody.position, badBody.character, {
        zh: '前 17 位只能是数字',
        en: 'positions 1–17 are digits',
      }),
    };
  }
  if (!/^[0-9X]$/.test(actual)) {
    return {
      valid: false,
      normalized,
      reason: badCharacter('citizen_id', 18, actual, {
        zh: '校验位只能是 0–9 或 X',
        en: 'the check character is 0–9 or X',
      }),
    };
  }

  const birth = body.slice(6, 14);
  if (!isCalendarDate(birth)) {
    return {
      valid: false,
      normalized,
      reason: badDate({ zh: `出生日期 ${birth} 不是有效日期`, en: `birth date ${birth} is not a valid date` }),
    };
  }
  if (Number(birth.slice(0, 4)) < MIN_BIRTH_YEAR) {
    return {
      valid: false,
      normalized,
      reason: badDate({
        zh: `出生日期 ${birth} 早于 ${MIN_BIRTH_YEAR} 年`,
        en: `birth date ${birth} is before ${MIN_BIRTH_YEAR}`,
      }),
    };
  }
  if (birth > chinaDateCompact(opts.today ?? new Date())) {
    return {
      valid: false,
      normalized,
      reason: badDate({ zh: `出生日期 ${birth} 晚于今天`, en: `birth date ${birth} is in the future` }),
    };
  }

  const expected = computeCitizenIdCheck(body);
  if (expected !== actual) return { valid: false, normalized, reason: checkMismatch(expected, actual) };

  const sequence = body.slice(14, 17);
  return {
    valid: true,
    normalized,
    details: {
      kind: 'citizen_id',
      addressCode: body.slice(0, 6),
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      sequence,
      sex: Number(sequence.charAt(2)) % 2 === 1 ? 'male' : 'female',
    },
  };
}

export function isValidCitizenId(value: string, opts: CitizenIdOptions = {}): boolean {
  return checkCitizenId(value, opts).valid;
}

/**
 * Public-page form of an ID number (PIPL, DOMAIN §10): first 6 and last 4 kept,
 * e.g. `110108********123X`. Anything too short to keep both ends is masked entirely
 * rather than leaking most of it.
 */
export function maskCitizenId(id: string): string {
  const normalized = normalizeIdentifier(id);
  const chars = [...normalized];
  if (chars.length < 11) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

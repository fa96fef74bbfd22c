/**
 * Unified Social Credit Code, GB 32100-2015 (DOMAIN §1).
 * Layout: 1 registration authority · 2 institution category · 3–8 division code ·
 * 9–17 embedded GB 11714 organisation code · 18 check character.
 */
import type { SubjectKindCode } from '../dictionaries/subject-kinds';
import { computeOrgCodeCheck, formatOrgCode } from './org-code';
import { normalizeIdentifier } from './normalize';
import { badCharacter, badLength, checkMismatch, firstDisallowed } from './reasons';
import type { KindOutcome } from './reasons';

/** 31 characters: the digits and capitals without I O S V Z, which are too easily misread. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

/**
 * Genuine early pilot codes whose check character does not verify (DOMAIN §1).
 * Used when the caller passes no allow-list; pass `[]` to disable.
 */
export const DEFAULT_USCC_ALLOW_LIST: readonly string[] = ['91350203M0001QAY9B'];

export interface CodeLabel {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** False when the value is not in our table: the standard allows more than we list, so it is not an error. */
  readonly known: boolean;
}

interface AuthorityEntry {
  readonly zh: string;
  readonly en: string;
  readonly categories: Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
}

/** Only the entries DOMAIN §1 checked against the standard; extend here as data, never by special cases. */
export const USCC_REGISTRATION_AUTHORITIES: Readonly<Record<string, AuthorityEntry>> = {
  '1': {
    zh: '机构编制',
    en: 'public-sector establishment office',
    categories: { '1': { zh: '机关', en: 'government organ' }, '2': { zh: '事业单位', en: 'public institution' } },
  },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    categories: {
      '1': { zh: '社会团体', en: 'social organisation' },
      '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
      '3': { zh: '基金会', en: 'foundation' },
    },
  },
  '9': {
    zh: '工商',
    en: 'market regulation',
    categories: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: "farmers' specialised cooperative" },
    },
  },
  Y: { zh: '其他', en: 'other', categories: {} },
};

export interface UsccDetails {
  readonly kind: 'uscc';
  readonly registrationAuthority: CodeLabel;
  readonly institutionCategory: CodeLabel;
  readonly divisionCode: string;
  /** Positions 9–17 shown as `XXXXXXXX-X`, whether or not it checks (see orgCodeValid). */
  readonly embeddedOrgCode: string;
  /** Positions 9–17 verify as a GB 11714 code: the legacy→USCC link can then be derived, not only imported. */
  readonly orgCodeValid: boolean;
  readonly subjectKindHint: Exclude<SubjectKindCode, 'natural_person'>;
}

export interface UsccOptions {
  /** Codes accepted despite a wrong check character; defaults to DEFAULT_USCC_ALLOW_LIST. */
  readonly allowList?: readonly string[];
}

const ALPHABET_CHAR = new RegExp(`^[${USCC_ALPHABET}]$`);
const DIGIT = /^[0-9]$/;
const UNKNOWN = { zh: '未知', en: 'unknown' } as const;

/** @throws RangeError when `body17` is not 17 USCC-alphabet characters (a programming error, not user input). */
export function computeUsccCheck(body17: string): string {
  if (body17.length !== 17 || ![...body17].every((c) => ALPHABET_CHAR.test(c))) {
    throw new RangeError(`USCC body must be 17 characters of the USCC alphabet, got '${body17}'`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(body17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

function label(code: string, entry: { readonly zh: string; readonly en: string } | undefined): CodeLabel {
  return entry ? { code, zh: entry.zh, en: entry.en, known: true } : { code, ...UNKNOWN, known: false };
}

/**
 * A routing hint, not a legal classification: the Civil Code also makes
 * cooperatives, social organisations and public institutions legal persons,
 * but the credit exchange treats only 9+1 enterprises as the 法人 stream and
 * 9+2 as individual businesses; the rest is reviewed as other organisations.
 */
function subjectKindHint(authority: string, category: string): UsccDetails['subjectKindHint'] {
  if (authority === '9' && category === '1') return 'legal_person';
  if (authority === '9' && category === '2') return 'individual_business';
  return 'other_org';
}

function decode(normalized: string): UsccDetails {
  const authorityCode = normalized.charAt(0);
  const categoryCode = normalized.charAt(1);
  const authority = USCC_REGISTRATION_AUTHORITIES[authorityCode];
  const orgBody = normalized.slice(8, 16);
  const orgCheck = normalized.charAt(16);
  return {
    kind: 'uscc',
    registrationAuthority: label(authorityCode, authority),
    institutionCategory: label(categoryCode, authority?.categories[categoryCode]),
    divisionCode: normalized.slice(2, 8),
    embeddedOrgCode: formatOrgCode(normalized.slice(8, 17)),
    orgCodeValid: computeOrgCodeCheck(orgBody) === orgCheck,
    subjectKindHint: subjectKindHint(authorityCode, categoryCode),
  };
}

export function checkUscc(value: string, opts: UsccOptions = {}): KindOutcome<UsccDetails> {
  const normalized = normalizeIdentifier(value);
  if (normalized.length !== 18) return { valid: false, normalized, reason: badLength('uscc', '18', normalized.length) };

  const bad = firstDisallowed(normalized, ALPHABET_CHAR);
  if (bad) return { valid: false, normalized, reason: badCharacter('uscc', bad.position, bad.character) };
  // The division code is a GB/T 2260 number; the check character alone would accept letters there.
  const badDivision = firstDisallowed(normalized.slice(2, 8), DIGIT);
  if (badDivision) {
    return {
      valid: false,
      normalized,
      reason: badCharacter('uscc', badDivision.position + 2, badDivision.character, {
        zh: '第 3–8 位为行政区划代码，只能是数字',
        en: 'positions 3–8 are the division code and must be digits',
      }),
    };
  }

  const expected = computeUsccCheck(normalized.slice(0, 17));
  const actual = normalized.charAt(17);
  if (expected !== actual) {
    const allowList = opts.allowList ?? DEFAULT_USCC_ALLOW_LIST;
    if (allowList.some((code) => normalizeIdentifier(code) === normalized)) {
      return { valid: true, normalized, details: decode(normalized), allowListed: true };
    }
    return { valid: false, normalized, reason: checkMismatch(expected, actual) };
  }
  return { valid: true, normalized, details: decode(normalized) };
}

export function isValidUscc(value: string, opts: UsccOptions = {}): boolean {
  return checkUscc(value, opts).valid;
}

/**
 * The legacy organisation code embedded at positions 9–17, as `XXXXXXXX-X`,
 * only when the USCC is valid and that part verifies on its own as a GB 11714
 * code (not every USCC embeds a real one); otherwise null.
 */
export function usccToOrgCode(uscc: string, opts: UsccOptions = {}): string | null {
  const outcome = checkUscc(uscc, opts);
  return outcome.valid && outcome.details.orgCodeValid ? outcome.details.embeddedOrgCode : null;
}

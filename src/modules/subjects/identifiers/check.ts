/**
 * checkIdentifier: kind detection from the normalised shape, then the per-kind rules.
 */
import { checkCitizenId } from './citizen-id';
import type { CitizenIdDetails } from './citizen-id';
import { normalizeIdentifier } from './normalize';
import { checkOrgCode } from './org-code';
import type { OrgCodeDetails } from './org-code';
import { emptyReason, firstDisallowed, unknownFormat } from './reasons';
import type { IdentifierKind, IdentifierReason, KindOutcome } from './reasons';
import { checkRegistrationNumber } from './registration-number';
import type { RegistrationNumberDetails } from './registration-number';
import { checkUscc } from './uscc';
import type { UsccDetails } from './uscc';

export type IdentifierDetails = UsccDetails | OrgCodeDetails | RegistrationNumberDetails | CitizenIdDetails;

export interface IdentifierCheck {
  /** Exactly what was given, for the rejected-row report. */
  readonly input: string;
  /** Canonical form to store; organisation codes as `XXXXXXXX-X`. */
  readonly normalized: string;
  readonly kind: IdentifierKind | 'unknown';
  readonly valid: boolean;
  readonly reason?: IdentifierReason;
  /** Present only when valid: decoded parts of an invalid code would be guesses. */
  readonly details?: IdentifierDetails;
  /** Accepted only because it is on the USCC pilot allow-list: the check character does not verify. */
  readonly allowListed?: boolean;
  /** Other kinds the same string also validates as (an all-digit 18-character string can pass both checks). */
  readonly alsoValidAs?: readonly IdentifierKind[];
}

export interface CheckIdentifierOptions {
  /** USCC pilot codes accepted despite a wrong check character; defaults to DEFAULT_USCC_ALLOW_LIST. */
  readonly allowList?: readonly string[];
  /** Validate as this kind only, skipping detection (use when the field says what it holds). */
  readonly kind?: IdentifierKind;
  /** Reference instant for "birth date not in the future"; defaults to now. */
  readonly today?: Date;
}

const ALNUM = /^[0-9A-Z]$/;
// Loose on purpose: it only decides whether to try the citizen-ID rules, which then
// report an impossible date such as 19491332 precisely instead of a USCC check error.
const BIRTH_DATE_SHAPE = /^(18|19|20)[0-9]{2}[01][0-9][0-3][0-9]$/;

/** Candidate kinds for a normalised string, most likely first. */
export function detectIdentifierKinds(normalized: string): IdentifierKind[] {
  if (firstDisallowed(normalized, ALNUM)) return [];
  const length = normalized.length;
  if (length === 18) {
    if (!/^[0-9]{17}[0-9X]$/.test(normalized)) return ['uscc'];
    const citizenShaped = BIRTH_DATE_SHAPE.test(normalized.slice(6, 14));
    // No province code starts with 9, while 9 (market regulation) is the commonest USCC authority.
    if (!citizenShaped) return ['uscc'];
    return normalized.startsWith('9') ? ['uscc', 'citizen_id'] : ['citizen_id', 'uscc'];
  }
  if (length === 15) return /^[0-9]{15}$/.test(normalized) ? ['registration_number'] : [];
  if (length === 9) return ['org_code'];
  // A letter outside a final X only fits a USCC: report it as a USCC of the wrong length.
  if ((length === 17 || length === 19) && /[A-Z]/.test(normalized.slice(0, -1))) return ['uscc'];
  return [];
}

function checkAs(kind: IdentifierKind, value: string, opts: CheckIdentifierOptions): KindOutcome<IdentifierDetails> {
  switch (kind) {
    case 'uscc':
      return checkUscc(value, opts.allowList === undefined ? {} : { allowList: opts.allowList });
    case 'org_code':
      return checkOrgCode(value);
    case 'registration_number':
      return checkRegistrationNumber(value);
    case 'citizen_id':
      return checkCitizenId(value, opts.today === undefined ? {} : { today: opts.today });
  }
}

function unrecognised(normalized: string): IdentifierReason {
  const bad = firstDisallowed(normalized, ALNUM);
  if (bad) {
    return unknownFormat({
      zh: `无法识别的代码：第 ${bad.position} 位“${bad.character}”不是数字或字母`,
      en: `not a recognised identifier: character ${bad.position} '${bad.character}' is not a letter or digit`,
    });
  }
  const length = [...normalized].length;
  return unknownFormat({
    zh: `无法识别的代码：共 ${length} 位（统一社会信用代码和身份证号码为 18 位，注册号 15 位，组织机构代码 9 位）`,
    en: `not a recognised identifier: ${length} characters (USCC and citizen ID have 18, registration number 15, organisation code 9)`,
  });
}

function toCheck(input: string, kind: IdentifierKind, outcome: KindOutcome<IdentifierDetails>): IdentifierCheck {
  if (!outcome.valid) return { input, normalized: outcome.normalized, kind, valid: false, reason: outcome.reason };
  return {
    input,
    normalized: outcome.normalized,
    kind,
    valid: true,
    details: outcome.details,
    ...(outcome.allowListed ? { allowListed: true } : {}),
  };
}

/**
 * Validates one identifier. Without `opts.kind` the kind is detected from the
 * normalised shape; when several kinds fit, the first that validates wins and
 * the others that also validate are listed in `alsoValidAs`.
 */
export function checkIdentifier(value: string, opts: CheckIdentifierOptions = {}): IdentifierCheck {
  const normalized = normalizeIdentifier(value);
  if (normalized.length === 0) {
    return { input: value, normalized, kind: opts.kind ?? 'unknown', valid: false, reason: emptyReason() };
  }
  if (opts.kind) return toCheck(value, opts.kind, checkAs(opts.kind, value, opts));

  const candidates = detectIdentifierKinds(normalized);
  const outcomes = candidates.map((kind) => ({ kind, outcome: checkAs(kind, value, opts) }));
  const validOnes = outcomes.filter((o) => o.outcome.valid);
  const chosen = validOnes[0] ?? outcomes[0];
  if (!chosen) return { input: value, normalized, kind: 'unknown', valid: false, reason: unrecognised(normalized) };

  const result = toCheck(value, chosen.kind, chosen.outcome);
  const others = validOnes.slice(1).map((o) => o.kind);
  return others.length > 0 ? { ...result, alsoValidAs: others } : result;
}

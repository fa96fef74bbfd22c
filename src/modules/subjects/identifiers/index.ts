/**
 * Subject identifiers: normalisation, kind detection and validation of USCCs,
 * legacy organisation codes, legacy registration numbers and citizen IDs, with
 * precise bilingual reasons for rejected import rows. Pure functions only.
 */
export { normalizeIdentifier } from './normalize';
export { IDENTIFIER_KIND_LABELS } from './reasons';
export type { IdentifierKind, IdentifierReason, IdentifierReasonCode, KindOutcome } from './reasons';
export {
  DEFAULT_USCC_ALLOW_LIST,
  USCC_ALPHABET,
  USCC_REGISTRATION_AUTHORITIES,
  USCC_WEIGHTS,
  checkUscc,
  computeUsccCheck,
  isValidUscc,
  usccToOrgCode,
} from './uscc';
export type { CodeLabel, UsccDetails, UsccOptions } from './uscc';
export { ORG_CODE_WEIGHTS, checkOrgCode, computeOrgCodeCheck, formatOrgCode, isValidOrgCode } from './org-code';
export type { OrgCodeDetails } from './org-code';
export { checkRegistrationNumber, computeRegistrationCheck, isValidRegistrationNumber } from './registration-number';
export type { RegistrationNumberDetails } from './registration-number';
export {
  CITIZEN_ID_WEIGHTS,
  MIN_BIRTH_YEAR,
  checkCitizenId,
  computeCitizenIdCheck,
  isValidCitizenId,
  maskCitizenId,
} from './citizen-id';
export type { CitizenIdDetails, CitizenIdOptions } from './citizen-id';
export { formatIdentifierCheck } from './format';
export { checkIdentifier, detectIdentifierKinds } from './check';
export type { CheckIdentifierOptions, IdentifierCheck, IdentifierDetails } from './check';

/**
 * Shared vocabulary of the identifier checks: the kinds, the outcome shape each
 * per-kind checker returns, and the bilingual rejection reasons. Reasons are
 * built here so every kind words the same failure the same way — import rows
 * show them verbatim to clerks.
 */

export type IdentifierKind = 'uscc' | 'org_code' | 'registration_number' | 'citizen_id';

export type IdentifierReasonCode =
  'empty' | 'bad_length' | 'bad_character' | 'check_mismatch' | 'bad_date' | 'unknown_format';

export interface IdentifierReason {
  readonly code: IdentifierReasonCode;
  readonly zh: string;
  readonly en: string;
}

export type KindOutcome<D> =
  | { readonly valid: true; readonly normalized: string; readonly details: D; readonly allowListed?: boolean }
  | { readonly valid: false; readonly normalized: string; readonly reason: IdentifierReason };

interface KindLabel {
  readonly zh: string;
  /** With its article, because reasons read "is not allowed in a USCC" / "in an organisation code". */
  readonly enWithArticle: string;
  readonly en: string;
}

export const IDENTIFIER_KIND_LABELS: Readonly<Record<IdentifierKind, KindLabel>> = {
  uscc: { zh: '统一社会信用代码', en: 'USCC', enWithArticle: 'a USCC' },
  org_code: { zh: '组织机构代码', en: 'organisation code', enWithArticle: 'an organisation code' },
  registration_number: { zh: '注册号', en: 'registration number', enWithArticle: 'a registration number' },
  citizen_id: { zh: '身份证号码', en: 'citizen ID', enWithArticle: 'a citizen ID' },
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const emptyReason = (): IdentifierReason => ({ code: 'empty', zh: '代码为空', en: 'identifier is empty' });

export function badLength(kind: IdentifierKind, expected: string, actual: number): IdentifierReason {
  const label = IDENTIFIER_KIND_LABELS[kind];
  return {
    code: 'bad_length',
    zh: `${label.zh}应为 ${expected} 位，实际为 ${actual} 位`,
    en: `${capitalise(label.en)} must be ${expected} characters, got ${actual}`,
  };
}

/**
 * @param position 1-based, as clerks count characters.
 * @param rule optional bilingual explanation of what the position accepts.
 */
export function badCharacter(
  kind: IdentifierKind,
  position: number,
  character: string,
  rule?: { readonly zh: string; readonly en: string },
): IdentifierReason {
  const label = IDENTIFIER_KIND_LABELS[kind];
  return {
    code: 'bad_character',
    zh: `第 ${position} 位字符“${character}”不允许出现在${label.zh}中${rule ? `（${rule.zh}）` : ''}`,
    en: `character ${position} '${character}' is not allowed in ${label.enWithArticle}${rule ? ` (${rule.en})` : ''}`,
  };
}

export const checkMismatch = (expected: string, actual: string): IdentifierReason => ({
  code: 'check_mismatch',
  zh: `校验位应为 ${expected}，实际为 ${actual}`,
  en: `check character should be ${expected}, got ${actual}`,
});

export const badDate = (text: { readonly zh: string; readonly en: string }): IdentifierReason => ({
  code: 'bad_date',
  ...text,
});

export const unknownFormat = (text: { readonly zh: string; readonly en: string }): IdentifierReason => ({
  code: 'unknown_format',
  ...text,
});

/** The first character outside `allowed`, 1-based, so every kind reports it the same way. */
export function firstDisallowed(value: string, allowed: RegExp): { position: number; character: string } | null {
  const chars = [...value];
  const index = chars.findIndex((c) => !allowed.test(c));
  const character = chars[index];
  return index === -1 || character === undefined ? null : { position: index + 1, character };
}

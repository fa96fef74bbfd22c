/**
 * The four subject kinds every catalog item and record refers to (DOMAIN §2).
 * `other_org` is the Civil Code's 非法人组织; exchange files from older systems
 * still say 其他组织, kept as a synonym so imports can map either.
 */

export type SubjectKindCode = 'legal_person' | 'other_org' | 'individual_business' | 'natural_person';

export interface SubjectKind {
  readonly code: SubjectKindCode;
  readonly name_zh: string;
  readonly name_en: string;
  readonly synonyms_zh: readonly string[];
}

export const SUBJECT_KINDS: readonly SubjectKind[] = [
  { code: 'legal_person', name_zh: '法人', name_en: 'Legal person', synonyms_zh: [] },
  { code: 'other_org', name_zh: '非法人组织', name_en: 'Unincorporated organisation', synonyms_zh: ['其他组织'] },
  { code: 'individual_business', name_zh: '个体工商户', name_en: 'Individual business', synonyms_zh: [] },
  { code: 'natural_person', name_zh: '自然人', name_en: 'Natural person', synonyms_zh: [] },
];

export function subjectKindByCode(code: string): SubjectKind | undefined {
  return SUBJECT_KINDS.find((k) => k.code === code);
}

/** Matches 法人 / 非法人组织 / 其他组织 / … as they appear in exchange files. */
export function subjectKindByName(name: string): SubjectKind | undefined {
  const wanted = name.trim();
  return SUBJECT_KINDS.find((k) => k.name_zh === wanted || k.synonyms_zh.includes(wanted));
}

import { regionByCode, industryBySection, subjectKindByCode } from './dictionaries';
import type { SubjectRow } from './subjects.repository';
import type { SubjectDetail } from './subjects.service';
import type { Lang } from '../../platform/http';

/**
 * The only shapes of a subject a client sees. The public shape has no ID
 * number at all; the government shape has it in full only for an audited
 * look-up (see `governmentLookup`).
 */
export function presentPublicSubject(row: SubjectRow, lang: Lang, matchedName?: string) {
  const region = row.region_code ? regionByCode(row.region_code) : undefined;
  const industry = row.industry_section ? industryBySection(row.industry_section) : undefined;
  const kind = subjectKindByCode(row.kind);
  return {
    id: row.id,
    name: row.name,
    matchedName: matchedName && matchedName !== row.name ? matchedName : null,
    kind: row.kind,
    kindLabel: kind ? (lang === 'en' ? kind.name_en : kind.name_zh) : row.kind,
    uscc: row.uscc,
    orgCode: row.org_code,
    registrationNumber: row.registration_number,
    legalRepresentative: row.legal_representative,
    regionCode: row.region_code,
    regionName: region ? (lang === 'en' ? region.name_en : region.name_zh) : null,
    industrySection: row.industry_section,
    industryName: industry ? (lang === 'en' ? industry.name_en : industry.name_zh) : null,
    establishedOn: row.established_on,
    status: row.status,
  };
}

export function presentPublicDetail(detail: SubjectDetail, lang: Lang) {
  return {
    ...presentPublicSubject(detail.subject, lang),
    formerNames: detail.names
      .filter((n) => n.is_current === 0)
      .map((n) => ({ name: n.name, validFrom: n.valid_from, validTo: n.valid_to })),
    legacyCodes: detail.identifiers
      .filter((i) => i.kind === 'org_code' || i.kind === 'registration_number')
      .map((i) => ({ kind: i.kind, value: i.value, source: i.source })),
  };
}

export function presentGovernmentDetail(detail: SubjectDetail & { idNumber: string | null }, lang: Lang) {
  return {
    ...presentPublicDetail(detail, lang),
    idNumber: detail.idNumber,
    idNumberMasked: detail.subject.id_number_masked,
    version: detail.subject.version,
    createdAt: detail.subject.created_at,
    updatedAt: detail.subject.updated_at,
  };
}

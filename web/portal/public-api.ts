import { apiGet } from '../shared/api';

export type SubjectKind = 'legal_person' | 'other_org' | 'individual_business' | 'natural_person';

/** One hit of the public subject search, as the public presenter shapes it. */
export interface SubjectSummary {
  id: string;
  name: string;
  uscc: string | null;
  kind: SubjectKind;
  kindLabel?: string;
  regionName: string | null;
  industryName?: string | null;
  /** The former name that matched the query, when the current name did not. */
  matchedName?: string | null;
}

/** The registration basics of an entity's credit page. */
export interface SubjectDetail extends SubjectSummary {
  kindLabel: string;
  orgCode: string | null;
  registrationNumber: string | null;
  legalRepresentative: string | null;
  regionCode: string | null;
  industrySection: string | null;
  industryName: string | null;
  establishedOn: string | null;
  status: string;
  formerNames: Array<{ name: string; validFrom: string | null; validTo: string | null }>;
  legacyCodes: Array<{ kind: string; value: string; source: string }>;
}

export interface SubjectSearchResult {
  items: SubjectSummary[];
  total: number;
  /** True when the server stopped counting: `total` is then a lower bound. */
  totalCapped?: boolean;
  nextCursor?: string | null;
}

export interface PublicStats {
  subjects: number;
  departments: number;
  catalogItems: number;
}

export interface PublicField {
  code: string;
  labelZh: string;
  labelEn: string;
  value: string;
  unit: string | null;
  valueLabelZh: string | null;
  valueLabelEn: string | null;
}

/** A credit record as the public may see it (the server's presenter decides; nothing else is sent). */
export interface PublicRecord {
  id: string;
  itemCode: string;
  itemNameZh: string;
  itemNameEn: string;
  subject: { id: string | null; name: string | null; kind: string | null; uscc: string | null };
  department: { code: string; nameZh: string; nameEn: string };
  decisionDate: string | null;
  publishedOn: string;
  publicationEnd: string | null;
  fields: PublicField[];
}

export interface PublicRecordPage {
  items: PublicRecord[];
  /** Counted up to 10,000; `totalCapped` when more match. */
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

export interface SubjectRecords {
  subjectId: string;
  licences: PublicRecord[];
  penalties: PublicRecord[];
  lists: PublicRecord[];
  commitments: PublicRecord[];
  inspections: PublicRecord[];
  other: PublicRecord[];
  truncated: boolean;
}

export type ListKind = 'red' | 'black';

export interface PublicListPage extends PublicRecordPage {
  list: ListKind;
  item: { code: string; nameZh: string; nameEn: string } | null;
}

export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface DictionaryEntry {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const subjectSearchLimit = 20;
export const recordPageLimit = 20;

export interface SubjectSearchQuery {
  q: string;
  kind?: string;
  region?: string;
  industry?: string;
  cursor?: string;
}

export function searchSubjects(query: SubjectSearchQuery, signal?: AbortSignal): Promise<SubjectSearchResult> {
  return apiGet<SubjectSearchResult>('/api/v1/public/subjects', {
    query: { ...query, limit: subjectSearchLimit },
    signal,
  });
}

export function fetchSubject(id: string, signal?: AbortSignal): Promise<SubjectDetail> {
  return apiGet<SubjectDetail>(`/api/v1/public/subjects/${encodeURIComponent(id)}`, { signal });
}

export function fetchSubjectRecords(id: string, signal?: AbortSignal): Promise<SubjectRecords> {
  return apiGet<SubjectRecords>(`/api/v1/public/subjects/${encodeURIComponent(id)}/records`, { signal });
}

export interface RecordChannelQuery {
  item?: string;
  department?: string;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export function fetchPublicRecords(query: RecordChannelQuery, signal?: AbortSignal): Promise<PublicRecordPage> {
  return apiGet<PublicRecordPage>('/api/v1/public/records', {
    query: { limit: recordPageLimit, ...query },
    signal,
  });
}

export function fetchPublicRecord(id: string, signal?: AbortSignal): Promise<PublicRecord> {
  return apiGet<PublicRecord>(`/api/v1/public/records/${encodeURIComponent(id)}`, { signal });
}

export function fetchPublicList(
  list: ListKind,
  query: Omit<RecordChannelQuery, 'item'>,
  signal?: AbortSignal,
): Promise<PublicListPage> {
  return apiGet<PublicListPage>(`/api/v1/public/lists/${list}`, {
    query: { limit: recordPageLimit, ...query },
    signal,
  });
}

export function fetchPublicStats(signal?: AbortSignal): Promise<PublicStats> {
  return apiGet<PublicStats>('/api/v1/public/stats', { signal });
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (await apiGet<{ items: Department[] }>('/api/v1/departments', { signal })).items;
}

export async function fetchRegions(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  return (await apiGet<{ items: DictionaryEntry[] }>('/api/v1/dictionaries/regions', { signal })).items;
}

export async function fetchIndustries(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  const { items } = await apiGet<{ items: Array<{ section: string; nameZh: string; nameEn: string }> }>(
    '/api/v1/dictionaries/industries',
    { signal },
  );
  return items.map((i) => ({ code: i.section, nameZh: i.nameZh, nameEn: i.nameEn }));
}

export async function fetchSubjectKinds(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  return (await apiGet<{ items: DictionaryEntry[] }>('/api/v1/dictionaries/subject-kinds', { signal })).items;
}

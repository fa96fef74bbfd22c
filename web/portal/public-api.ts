import { callApi, type QueryOf, type ResponseOf, type Schema } from '../shared/api';

// The shapes are the server's (web/shared/api-schema.d.ts, generated from its schemas): the
// public presenter decides what the public sees, and the portal shows what it is given.

export type SubjectKind = Schema<'PublicSubject'>['kind'];

/** One hit of the public subject search, as the public presenter shapes it. */
export type SubjectSummary = Schema<'PublicSubject'>;

/** The registration basics of an entity's credit page. */
export type SubjectDetail = Schema<'PublicSubjectDetail'>;

/** `totalCapped`: the server stopped counting, so `total` is a lower bound. */
export type SubjectSearchResult = ResponseOf<'/api/v1/public/subjects', 'get'>;

export type PublicStats = ResponseOf<'/api/v1/public/stats', 'get'>;

/** A credit record as the public may see it (the server's presenter decides; nothing else is sent). */
export type PublicRecord = Schema<'PublicRecord'>;

export type PublicField = PublicRecord['fields'][number];

/** Counted up to 10,000; `totalCapped` when more match. */
export type PublicRecordPage = ResponseOf<'/api/v1/public/records', 'get'>;

/** The first page and the count of each section of an entity page. */
export type SubjectRecords = Schema<'PublicSubjectRecords'>;

export type SubjectSection = Exclude<keyof SubjectRecords, 'subjectId'>;

/** One page of a section: `total` is counted up to 1,000 (`totalCapped` beyond). */
export type SectionPage = Schema<'PublicSectionPage'>;

export type PublicListPage = Schema<'PublicListPage'>;

export type ListKind = PublicListPage['list'];

export type Department = Schema<'Department'>;

/** A dictionary as the search filters list it (industries keyed by their section letter). */
export interface DictionaryEntry {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const subjectSearchLimit = 20;
export const recordPageLimit = 20;

/**
 * Filters read from the URL: a code the server knows as an enum (`kind`, `item`) arrives as
 * any string, and goes to the server unchecked, which refuses an unknown one (the page shows
 * the error), as a shared link with a mistyped filter should.
 */
type FromUrl<Query, Key extends keyof Query> = Omit<Query, Key | 'lang' | 'limit'> & { [K in Key]?: string };

export type SubjectSearchQuery = FromUrl<QueryOf<'/api/v1/public/subjects', 'get'>, 'kind'> & { q: string };

export function searchSubjects(query: SubjectSearchQuery, signal?: AbortSignal): Promise<SubjectSearchResult> {
  return callApi('get', '/api/v1/public/subjects', {
    query: { ...query, limit: subjectSearchLimit } as QueryOf<'/api/v1/public/subjects', 'get'>,
    signal,
  });
}

export function fetchSubject(id: string, signal?: AbortSignal): Promise<SubjectDetail> {
  return callApi('get', '/api/v1/public/subjects/{id}', { params: { id }, signal });
}

export function fetchSubjectRecords(id: string, signal?: AbortSignal): Promise<SubjectRecords> {
  return callApi('get', '/api/v1/public/subjects/{id}/records', { params: { id }, signal });
}

/** The next page of one section of an entity page, from the cursor of the page before. */
export function fetchSubjectSection(
  id: string,
  section: SubjectSection,
  cursor: string,
  signal?: AbortSignal,
): Promise<PublicRecordPage> {
  return callApi('get', '/api/v1/public/subjects/{id}/records/{section}', {
    params: { id, section },
    query: { cursor, limit: recordPageLimit },
    signal,
  });
}

export type RecordChannelQuery = FromUrl<QueryOf<'/api/v1/public/records', 'get'>, 'item'> & { limit?: number };

export function fetchPublicRecords(query: RecordChannelQuery, signal?: AbortSignal): Promise<PublicRecordPage> {
  return callApi('get', '/api/v1/public/records', {
    query: { limit: recordPageLimit, ...query } as QueryOf<'/api/v1/public/records', 'get'>,
    signal,
  });
}

export function fetchPublicRecord(id: string, signal?: AbortSignal): Promise<PublicRecord> {
  return callApi('get', '/api/v1/public/records/{id}', { params: { id }, signal });
}

export function fetchPublicList(
  list: ListKind,
  query: Omit<QueryOf<'/api/v1/public/lists/{list}', 'get'>, 'lang' | 'limit'>,
  signal?: AbortSignal,
): Promise<PublicListPage> {
  return callApi('get', '/api/v1/public/lists/{list}', {
    params: { list },
    query: { limit: recordPageLimit, ...query },
    signal,
  });
}

export function fetchPublicStats(signal?: AbortSignal): Promise<PublicStats> {
  return callApi('get', '/api/v1/public/stats', { signal });
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (await callApi('get', '/api/v1/departments', { signal })).items;
}

export async function fetchRegions(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  return (await callApi('get', '/api/v1/dictionaries/regions', { signal })).items;
}

export async function fetchIndustries(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  const { items } = await callApi('get', '/api/v1/dictionaries/industries', { signal });
  return items.map((i) => ({ code: i.section, nameZh: i.nameZh, nameEn: i.nameEn }));
}

export async function fetchSubjectKinds(signal?: AbortSignal): Promise<DictionaryEntry[]> {
  return (await callApi('get', '/api/v1/dictionaries/subject-kinds', { signal })).items;
}

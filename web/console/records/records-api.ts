import { callApi, type BodyOf, type QueryOf, type ResponseOf, type Schema } from '../../shared/api';

/** The shapes of /api/v1/records* (src/modules/records/records.schemas.ts, through the generated api-schema). */
export type CreditRecordSummary = Schema<'CreditRecordSummary'>;
export type CreditRecord = Schema<'CreditRecord'>;
export type RecordDetail = Schema<'CreditRecordDetail'>;
export type RecordVersion = RecordDetail['versions'][number];
export type VersionChange = RecordVersion['change'];
export type RecordSubject = CreditRecordSummary['subject'];
export type MatchMethod = NonNullable<RecordSubject['matchMethod']>;
export type RecordStatus = CreditRecordSummary['status'];
export type Timeliness = NonNullable<CreditRecordSummary['publication']['timeliness']>;
export type RecordPage = ResponseOf<'/api/v1/records', 'get'>;

export const RECORD_STATUSES = [
  'active',
  'withdrawn',
  'repaired',
  'expired',
] as const satisfies readonly RecordStatus[];
export const TIMELINESS = ['on_time', 'late', 'overdue', 'pending'] as const satisfies readonly Timeliness[];

/** The list's filters (`departmentCode` only for the credit office; a department always sees its own). */
export type RecordFilters = Pick<
  QueryOf<'/api/v1/records', 'get'>,
  'departmentCode' | 'itemCode' | 'status' | 'timeliness' | 'decidedFrom' | 'decidedTo' | 'subject'
>;

export const PAGE_SIZE = 20;

export function fetchRecords(filters: RecordFilters, cursor: string | undefined, signal: AbortSignal) {
  return callApi('get', '/api/v1/records', { query: { ...filters, cursor, limit: PAGE_SIZE }, signal });
}

export function fetchUnmatched(cursor: string | undefined, signal: AbortSignal) {
  return callApi('get', '/api/v1/records/unmatched', { query: { cursor, limit: PAGE_SIZE }, signal });
}

export function fetchRecord(id: string, signal: AbortSignal) {
  return callApi('get', '/api/v1/records/{id}', { params: { id }, signal });
}

export function withdrawRecord(id: string, body: BodyOf<'/api/v1/records/{id}/withdraw', 'post'>) {
  return callApi('post', '/api/v1/records/{id}/withdraw', { params: { id }, body });
}

export function linkSubject(id: string, subjectId: string) {
  return callApi('post', '/api/v1/records/{id}/link-subject', { params: { id }, body: { subjectId } });
}

export type CatalogItemSummary = ResponseOf<'/api/v1/catalog/items', 'get'>['items'][number];

export function fetchCatalogItems(signal?: AbortSignal) {
  return callApi('get', '/api/v1/catalog/items', { signal });
}

export type CatalogItem = ResponseOf<'/api/v1/catalog/items/{code}', 'get'>;
export type CatalogField = CatalogItem['fields'][number];

export function fetchCatalogItem(code: string, version: number, signal: AbortSignal) {
  return callApi('get', '/api/v1/catalog/items/{code}', { params: { code }, query: { version }, signal });
}

export type Department = Schema<'Department'>;

export function fetchDepartments(signal?: AbortSignal) {
  return callApi('get', '/api/v1/departments', { signal });
}

export type SubjectHit = Schema<'PublicSubject'>;

export function searchSubjects(q: string, signal: AbortSignal) {
  return callApi('get', '/api/v1/public/subjects', { query: { q, limit: 10 }, signal });
}

export type SubjectKind = NewSubject['kind'];

/** What the console's "new subject" form sends (the server accepts more: see NewSubject in the schema). */
export type NewSubject = Pick<
  BodyOf<'/api/v1/subjects', 'post'>,
  'kind' | 'name' | 'uscc' | 'orgCode' | 'registrationNumber'
>;

export function createSubject(body: NewSubject) {
  return callApi('post', '/api/v1/subjects', { body });
}

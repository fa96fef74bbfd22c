import { apiGet, apiPost } from '../../shared/api';

/** The shapes of /api/v1/records* (see src/modules/records/records.schemas.ts). */
export type RecordStatus = 'active' | 'withdrawn' | 'repaired' | 'expired';
export type Timeliness = 'on_time' | 'late' | 'overdue' | 'pending';
export const RECORD_STATUSES: readonly RecordStatus[] = ['active', 'withdrawn', 'repaired', 'expired'];
export const TIMELINESS: readonly Timeliness[] = ['on_time', 'late', 'overdue', 'pending'];

export type MatchMethod = 'uscc' | 'org_code' | 'registration_number' | 'id_number' | 'name' | 'manual';

export interface RecordSubject {
  id: string | null;
  matchMethod: MatchMethod | null;
  type: string | null;
  name: string | null;
  uscc: string | null;
  orgCode: string | null;
  registrationNumber: string | null;
  /** A natural person's ID number, masked by the server; never shown in full. */
  idNumberMasked: string | null;
}

export interface CreditRecordSummary {
  id: string;
  itemCode: string;
  itemVersion: number;
  departmentCode: string;
  recordKey: string;
  subject: RecordSubject;
  decisionDate: string | null;
  class: 'minor' | 'general' | 'serious' | null;
  status: RecordStatus;
  version: number;
  publication: {
    deadline: string | null;
    publishedAt: string | null;
    timeliness: Timeliness | null;
    minEnd: string | null;
    maxEnd: string | null;
    endedAt: string | null;
  };
  withdrawal: {
    revokedOn: string;
    reason: string | null;
    deadline: string | null;
    withdrawnAt: string | null;
    timeliness: 'on_time' | 'late' | null;
  } | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreditRecord extends CreditRecordSummary {
  payload: Record<string, unknown>;
  contentHash: string;
}

export type VersionChange = 'create' | 'correct' | 'withdraw' | 'link_subject' | 'expire';

export interface RecordVersion {
  version: number;
  change: VersionChange;
  at: string;
  status: RecordStatus;
  subjectId: string | null;
  classification: string | null;
  contentHash: string;
  payload: Record<string, unknown>;
  provenance: {
    batchId: string | null;
    departmentId: string;
    actor: { kind: string; id: string | null; name: string };
    fileHash: string | null;
    channel: 'api' | 'file' | 'form' | 'cli' | 'system';
  };
  note: Record<string, unknown> | null;
}

export interface RecordDetail extends CreditRecord {
  versions: RecordVersion[];
}

export interface RecordPage {
  items: CreditRecordSummary[];
  nextCursor: string | null;
  total: number;
}

export interface RecordFilters {
  /** Only for the credit office; a department always sees its own. */
  departmentCode?: string | undefined;
  itemCode?: string | undefined;
  status?: RecordStatus | undefined;
  timeliness?: Timeliness | undefined;
  decidedFrom?: string | undefined;
  decidedTo?: string | undefined;
  subject?: string | undefined;
}

export const PAGE_SIZE = 20;

export function fetchRecords(filters: RecordFilters, cursor: string | undefined, signal: AbortSignal) {
  return apiGet<RecordPage>('/api/v1/records', { query: { ...filters, cursor, limit: PAGE_SIZE }, signal });
}

export function fetchUnmatched(cursor: string | undefined, signal: AbortSignal) {
  return apiGet<RecordPage>('/api/v1/records/unmatched', { query: { cursor, limit: PAGE_SIZE }, signal });
}

export function fetchRecord(id: string, signal: AbortSignal) {
  return apiGet<RecordDetail>(`/api/v1/records/${encodeURIComponent(id)}`, { signal });
}

export function withdrawRecord(id: string, body: { reason: string; revokedOn: string }) {
  return apiPost<CreditRecord>(`/api/v1/records/${encodeURIComponent(id)}/withdraw`, body);
}

export function linkSubject(id: string, subjectId: string) {
  return apiPost<CreditRecord>(`/api/v1/records/${encodeURIComponent(id)}/link-subject`, { subjectId });
}

export interface CatalogItemSummary {
  code: string;
  nameZh: string;
  nameEn: string;
}

export function fetchCatalogItems(signal?: AbortSignal) {
  return apiGet<{ items: CatalogItemSummary[] }>('/api/v1/catalog/items', signal ? { signal } : {});
}

export interface CatalogField {
  code: string;
  labelZh: string;
  labelEn: string;
  type: string;
}

export function fetchCatalogItem(code: string, version: number, signal: AbortSignal) {
  return apiGet<CatalogItemSummary & { fields: CatalogField[] }>(`/api/v1/catalog/items/${encodeURIComponent(code)}`, {
    query: { version },
    signal,
  });
}

export interface Department {
  id?: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export function fetchDepartments(signal?: AbortSignal) {
  return apiGet<{ items: Department[] }>('/api/v1/departments', signal ? { signal } : {});
}

export interface SubjectHit {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  uscc: string | null;
  orgCode: string | null;
  registrationNumber: string | null;
  regionName: string | null;
}

export function searchSubjects(q: string, signal: AbortSignal) {
  return apiGet<{ items: SubjectHit[]; total: number }>('/api/v1/public/subjects', {
    query: { q, limit: 10 },
    signal,
  });
}

export type SubjectKind = 'legal_person' | 'other_org' | 'individual_business' | 'natural_person';

export interface NewSubject {
  kind: SubjectKind;
  name: string;
  uscc?: string;
  orgCode?: string;
  registrationNumber?: string;
}

export function createSubject(body: NewSubject) {
  return apiPost<{ id: string; name: string }>('/api/v1/subjects', body);
}

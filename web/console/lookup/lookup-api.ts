import { apiGet, apiPost } from '../../shared/api';

/** A subject as the public search lists it (no ID numbers at all). */
export interface SubjectSummary {
  id: string;
  name: string;
  matchedName: string | null;
  kind: string;
  kindLabel: string;
  uscc: string | null;
  orgCode: string | null;
  registrationNumber: string | null;
  legalRepresentative: string | null;
  regionName: string | null;
  industryName: string | null;
  status: string;
}

/** The government view (POST /subjects/lookup): a natural person's ID number in full, audited. */
export interface GovernmentSubject extends SubjectSummary {
  regionCode: string | null;
  industrySection: string | null;
  establishedOn: string | null;
  formerNames: Array<{ name: string; validFrom: string | null; validTo: string | null }>;
  legacyCodes: Array<{ kind: string; value: string; source: string }>;
  idNumber: string | null;
  idNumberMasked: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SubjectVersion {
  version: number;
  changedAt: string;
  changedBy: string;
  change: string;
}

export interface SubjectRecord {
  id: string;
  itemCode: string;
  departmentCode: string;
  recordKey: string;
  decisionDate: string | null;
  status: string;
  publication: { deadline: string | null; publishedAt: string | null; maxEnd: string | null };
}

export interface LookupRequest {
  identifier?: string;
  subjectId?: string;
  purpose: string;
  caseNumber: string;
}

export function searchSubjects(q: string, signal: AbortSignal) {
  return apiGet<{ items: SubjectSummary[]; total: number }>('/api/v1/public/subjects', {
    query: { q, limit: 20 },
    signal,
  });
}

export function lookupSubject(body: LookupRequest) {
  return apiPost<GovernmentSubject>('/api/v1/subjects/lookup', body);
}

export function fetchSubjectVersions(id: string, signal: AbortSignal) {
  return apiGet<{ items: SubjectVersion[] }>(`/api/v1/subjects/${encodeURIComponent(id)}/versions`, { signal });
}

/** The subject's records the caller's role may read (own department; all for the credit office). */
export function fetchSubjectRecords(subjectId: string, signal: AbortSignal) {
  return apiGet<{ items: SubjectRecord[]; nextCursor: string | null }>('/api/v1/records', {
    query: { subjectId, limit: 100 },
    signal,
  });
}

/** An 18-character code (USCC or citizen ID), a 15-digit registration number or a 9-character organisation code. */
export function looksLikeIdentifier(value: string): boolean {
  const v = value.replace(/[\s-]/g, '').toUpperCase();
  return /^[0-9A-Z]{18}$/.test(v) || /^\d{15}$/.test(v) || /^[0-9A-Z]{8}[0-9X]$/.test(v);
}

/** A citizen ID number as pages show it (110108********123X); other identifiers are public and stay whole. */
export function maskCitizenId(identifier: string): string {
  return /^\d{17}[\dX]$/.test(identifier) && !identifier.startsWith('9')
    ? `${identifier.slice(0, 6)}********${identifier.slice(14)}`
    : identifier;
}

import { callApi, type BodyOf, type ResponseOf, type Schema } from '../../shared/api';

/** A subject as the public search lists it (no ID numbers at all). */
export type SubjectSummary = Schema<'PublicSubject'>;

/** The government view (POST /subjects/lookup): a natural person's ID number in full, audited. */
export type GovernmentSubject = Schema<'GovernmentSubject'>;

export type SubjectVersion = ResponseOf<'/api/v1/subjects/{id}/versions', 'get'>['items'][number];

export type SubjectRecord = Schema<'CreditRecordSummary'>;

/** Exactly one of `identifier` and `subjectId`; the server refuses a look-up without a purpose. */
export type LookupRequest = BodyOf<'/api/v1/subjects/lookup', 'post'>;

export function searchSubjects(q: string, signal: AbortSignal) {
  return callApi('get', '/api/v1/public/subjects', { query: { q, limit: 20 }, signal });
}

export function lookupSubject(body: LookupRequest): Promise<GovernmentSubject> {
  return callApi('post', '/api/v1/subjects/lookup', { body });
}

export function fetchSubjectVersions(id: string, signal: AbortSignal) {
  return callApi('get', '/api/v1/subjects/{id}/versions', { params: { id }, signal });
}

/** The subject's records the caller's role may read (own department; all for the credit office). */
export function fetchSubjectRecords(subjectId: string, signal: AbortSignal) {
  return callApi('get', '/api/v1/records', { query: { subjectId, limit: 100 }, signal });
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

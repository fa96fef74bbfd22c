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
  /** The former name that matched the query, when the current name did not. */
  matchedName?: string | null;
}

export interface SubjectSearchResult {
  items: SubjectSummary[];
  total: number;
  /** True when the server stopped counting: `total` is then a lower bound. */
  totalCapped?: boolean;
}

export interface PublicStats {
  subjects: number;
  departments: number;
  catalogItems: number;
}

export const subjectSearchLimit = 20;

export function searchSubjects(q: string, signal?: AbortSignal): Promise<SubjectSearchResult> {
  return apiGet<SubjectSearchResult>('/api/v1/public/subjects', { query: { q, limit: subjectSearchLimit }, signal });
}

export function fetchPublicStats(signal?: AbortSignal): Promise<PublicStats> {
  return apiGet<PublicStats>('/api/v1/public/stats', { signal });
}

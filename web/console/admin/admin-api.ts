import { apiGet, apiPost, request } from '../../shared/api';

// ---- departments, users, API keys

export interface Department {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  active: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  status: 'active' | 'disabled';
  departmentId: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  keyPrefix: string;
  permissions: string[];
  status: 'active' | 'revoked';
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** The server's role codes and permissions (src/modules/identity/roles.ts). */
export const ROLES = ['platform_admin', 'department_admin', 'clerk', 'officer', 'agency'] as const;
export const PERMISSIONS = [
  'catalog.read',
  'catalog.write',
  'subjects.read',
  'subjects.write',
  'subjects.lookup',
  'departments.manage',
  'users.manage',
  'apikeys.manage',
  'audit.read',
  'records.submit',
  'records.read',
  'records.review',
  'calendar.manage',
] as const;

const enc = encodeURIComponent;

export const fetchDepartments = (signal: AbortSignal) =>
  apiGet<{ items: Department[] }>('/api/v1/departments', { signal });

export const fetchUsers = (signal: AbortSignal) =>
  apiGet<{ items: User[]; nextCursor: string | null }>('/api/v1/users', { query: { limit: 500 }, signal });

export const createUser = (body: {
  username: string;
  password: string;
  displayName?: string;
  roles: string[];
  departmentCode?: string | null;
}) => apiPost<User>('/api/v1/users', body);

export const updateUser = (
  id: string,
  patch: { displayName?: string; roles?: string[]; status?: 'active' | 'disabled'; departmentCode?: string | null },
) => request<User>('PATCH', `/api/v1/users/${enc(id)}`, { body: patch });

export const setUserPassword = (id: string, password: string) =>
  apiPost<undefined>(`/api/v1/users/${enc(id)}/password`, { password });

export const fetchApiKeys = (signal: AbortSignal) => apiGet<{ items: ApiKey[] }>('/api/v1/api-keys', { signal });

export const createApiKey = (body: {
  name: string;
  departmentCode: string;
  permissions: string[];
  expiresAt?: string;
}) => apiPost<ApiKey & { key: string }>('/api/v1/api-keys', body);

export const revokeApiKey = (id: string) => request<undefined>('DELETE', `/api/v1/api-keys/${enc(id)}`);

// ---- calendar

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  nameZh: string;
  nameEn: string;
  weekday: number;
}

export interface CalendarYear {
  year: number;
  complete: boolean;
  source: string | null;
  holidays: number;
  workdays: number;
  updatedAt: string | null;
}

export interface WorkingDaysAnswer {
  from: string;
  days: number;
  date: string;
  warnings: Array<{ code: string; year: number; message: string }>;
}

export const fetchCalendarYears = (signal: AbortSignal) =>
  apiGet<{ items: CalendarYear[]; version: number }>('/api/v1/calendar/years', { signal });

export const fetchCalendarDays = (year: number, signal: AbortSignal) =>
  apiGet<CalendarYear & { days: CalendarDay[] }>('/api/v1/calendar/days', { query: { year }, signal });

export const setCalendarDay = (date: string, body: { kind: 'holiday' | 'workday'; nameZh: string }) =>
  request<CalendarDay>('PUT', `/api/v1/calendar/days/${enc(date)}`, { body });

export const clearCalendarDay = (date: string) => request<undefined>('DELETE', `/api/v1/calendar/days/${enc(date)}`);

export const completeCalendarYear = (year: number, source: string) =>
  apiPost<CalendarYear>(`/api/v1/calendar/years/${year}/complete`, { source });

export const addWorkingDays = (from: string, days: number) =>
  apiGet<WorkingDaysAnswer>('/api/v1/calendar/add-working-days', { query: { from, days } });

// ---- catalog

export type Disclosure = 'public' | 'authorised' | 'government';
export type SharingType = 'unconditional' | 'conditional' | 'none';

export interface CatalogSummary {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  disclosure: Disclosure;
  status: 'active' | 'retired';
  currentVersion: number;
  updatedAt: string;
}

export interface CatalogField {
  code: string;
  labelZh: string;
  labelEn: string;
  type: string;
  maxLength: number | null;
  required: boolean;
  derived: boolean;
  description: string | null;
  [other: string]: unknown;
}

export interface SharingEntry {
  type: SharingType;
  condition: { zh: string; en: string } | null;
  allDepartments: boolean;
  departments: string[];
  roles: string[];
  methods: string[];
}

export type PeriodRule =
  | { kind: 'penalty_classified'; startField: string; regimes: unknown[]; unclassifiedAs: string }
  | { kind: 'fixed'; startField: string; months: number }
  | { kind: 'validity'; startField: string | null; endField: string; openEndDate: string }
  | { kind: 'none' };

/** The definition as the server stores it; the editor sends it back whole with its changes. */
export interface CatalogDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  conduct: { zh: string; en: string };
  legalBasis: string[];
  providingDepartments: string[];
  subjectKinds: string[];
  fields: CatalogField[];
  collectionMethods: string[];
  updateFrequency: string;
  disclosure: Disclosure;
  publicWhen: unknown[];
  publicationPeriod: PeriodRule;
  retentionYears: number;
  identityKey: string[];
}

export interface CatalogItem extends CatalogDefinition {
  version: number;
  currentVersion: number;
  status: 'active' | 'retired';
  sharing: SharingEntry;
  changeKind: string;
  changeNote: string | null;
  versionCreatedAt: string;
  versionCreatedBy: string;
}

export interface CatalogVersion {
  version: number;
  status: string;
  changeKind: string;
  changeNote: string | null;
  createdAt: string;
  createdBy: string;
}

export const fetchCatalogCategories = (signal: AbortSignal) =>
  apiGet<{ items: Array<{ code: string; nameZh: string; nameEn: string }> }>('/api/v1/catalog/categories', {
    signal,
  });

export const fetchCatalogItems = (signal: AbortSignal) =>
  apiGet<{ items: CatalogSummary[] }>('/api/v1/catalog/items', { signal });

export const fetchCatalogItem = (code: string, version: number | null, signal: AbortSignal) =>
  apiGet<CatalogItem>(`/api/v1/catalog/items/${enc(code)}`, { query: { version }, signal });

export const fetchCatalogVersions = (code: string, signal: AbortSignal) =>
  apiGet<{ code: string; items: CatalogVersion[] }>(`/api/v1/catalog/items/${enc(code)}/versions`, { signal });

export const updateCatalogItem = (code: string, definition: CatalogDefinition, changeNote: string) =>
  request<CatalogItem>('PUT', `/api/v1/catalog/items/${enc(code)}`, { body: { ...definition, changeNote } });

export const updateCatalogSharing = (code: string, sharing: SharingEntry, changeNote: string) =>
  request<{ version: number; sharing: SharingEntry }>('PUT', `/api/v1/catalog/items/${enc(code)}/sharing`, {
    body: { ...sharing, changeNote },
  });

export const retireCatalogItem = (code: string, changeNote: string) =>
  apiPost<CatalogItem>(`/api/v1/catalog/items/${enc(code)}/retire`, { changeNote });

// ---- audit

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  subjectId: string | null;
  purpose: string | null;
  caseNumber: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export const fetchAudit = (
  query: {
    action?: string;
    actorId?: string;
    subjectId?: string;
    from?: string;
    to?: string;
    beforeSeq?: number;
    limit?: number;
  },
  signal: AbortSignal,
) => apiGet<{ items: AuditEntry[] }>('/api/v1/audit', { query: { limit: 50, ...query }, signal });

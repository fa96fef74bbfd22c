import { callApi, type BodyOf, type QueryOf, type ResponseOf, type Schema } from '../../shared/api';

// Types are the server's (web/shared/api-schema.d.ts, `npm run api:types`): a server change that
// breaks these pages fails `npm run check`.

// ---- departments, users, API keys

export type Department = Schema<'Department'>;
export type User = Schema<'User'>;
export type ApiKey = Schema<'ApiKey'>;

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

export const fetchDepartments = (signal: AbortSignal) => callApi('get', '/api/v1/departments', { signal });

export const fetchUsers = (signal: AbortSignal) => callApi('get', '/api/v1/users', { query: { limit: 500 }, signal });

export const createUser = (body: BodyOf<'/api/v1/users', 'post'>) => callApi('post', '/api/v1/users', { body });

export const updateUser = (id: string, patch: BodyOf<'/api/v1/users/{id}', 'patch'>) =>
  callApi('patch', '/api/v1/users/{id}', { params: { id }, body: patch });

export const setUserPassword = (id: string, password: string) =>
  callApi('post', '/api/v1/users/{id}/password', { params: { id }, body: { password } });

export const fetchApiKeys = (signal: AbortSignal) => callApi('get', '/api/v1/api-keys', { signal });

export const createApiKey = (body: BodyOf<'/api/v1/api-keys', 'post'>) => callApi('post', '/api/v1/api-keys', { body });

export const revokeApiKey = (id: string) => callApi('delete', '/api/v1/api-keys/{id}', { params: { id } });

// ---- calendar

export type CalendarDay = Schema<'CalendarDay'>;
export type CalendarYear = Schema<'CalendarYear'>;
export type WorkingDaysAnswer = ResponseOf<'/api/v1/calendar/add-working-days', 'get'>;

export const fetchCalendarYears = (signal: AbortSignal) => callApi('get', '/api/v1/calendar/years', { signal });

export const fetchCalendarDays = (year: number, signal: AbortSignal) =>
  callApi('get', '/api/v1/calendar/days', { query: { year }, signal });

export const setCalendarDay = (date: string, body: BodyOf<'/api/v1/calendar/days/{date}', 'put'>) =>
  callApi('put', '/api/v1/calendar/days/{date}', { params: { date }, body });

export const clearCalendarDay = (date: string) =>
  callApi('delete', '/api/v1/calendar/days/{date}', { params: { date } });

export const completeCalendarYear = (year: number, source: string) =>
  callApi('post', '/api/v1/calendar/years/{year}/complete', { params: { year }, body: { source } });

export const addWorkingDays = (from: string, days: number) =>
  callApi('get', '/api/v1/calendar/add-working-days', { query: { from, days } });

// ---- catalog

export type CatalogSummary = ResponseOf<'/api/v1/catalog/items', 'get'>['items'][number];
export type CatalogItem = ResponseOf<'/api/v1/catalog/items/{code}', 'get'>;
export type Disclosure = CatalogItem['disclosure'];
export type CatalogField = CatalogItem['fields'][number];
export type SharingEntry = CatalogItem['sharing'];
export type SharingType = SharingEntry['type'];
export type PeriodRule = CatalogItem['publicationPeriod'];
/** The definition as the server stores it (every field present); the editor sends it back whole with its changes. */
export type CatalogDefinition = Omit<
  CatalogItem,
  | 'version'
  | 'currentVersion'
  | 'status'
  | 'sharing'
  | 'changeKind'
  | 'changeNote'
  | 'versionCreatedAt'
  | 'versionCreatedBy'
>;
export type CatalogVersion = ResponseOf<'/api/v1/catalog/items/{code}/versions', 'get'>['items'][number];

export const fetchCatalogCategories = (signal: AbortSignal) => callApi('get', '/api/v1/catalog/categories', { signal });

export const fetchCatalogItems = (signal: AbortSignal) => callApi('get', '/api/v1/catalog/items', { signal });

export const fetchCatalogItem = (code: string, version: number | null, signal: AbortSignal) =>
  callApi('get', '/api/v1/catalog/items/{code}', {
    params: { code },
    query: version === null ? {} : { version },
    signal,
  });

export const fetchCatalogVersions = (code: string, signal: AbortSignal) =>
  callApi('get', '/api/v1/catalog/items/{code}/versions', { params: { code }, signal });

export const updateCatalogItem = (code: string, definition: CatalogDefinition, changeNote: string) =>
  callApi('put', '/api/v1/catalog/items/{code}', { params: { code }, body: { ...definition, changeNote } });

export const updateCatalogSharing = (
  code: string,
  sharing: Omit<BodyOf<'/api/v1/catalog/items/{code}/sharing', 'put'>, 'changeNote'>,
  changeNote: string,
) => callApi('put', '/api/v1/catalog/items/{code}/sharing', { params: { code }, body: { ...sharing, changeNote } });

export const retireCatalogItem = (code: string, changeNote: string) =>
  callApi('post', '/api/v1/catalog/items/{code}/retire', { params: { code }, body: { changeNote } });

// ---- audit

export type AuditEntry = Schema<'AuditEntry'>;

export const fetchAudit = (query: Omit<QueryOf<'/api/v1/audit', 'get'>, 'limit'>, signal: AbortSignal) =>
  callApi('get', '/api/v1/audit', { query: { limit: 50, ...query }, signal });

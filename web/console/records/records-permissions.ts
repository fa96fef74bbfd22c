import type { CurrentUser } from '../auth/auth-api';

// Mirrors src/modules/identity/roles.ts; the server checks again and answers 403 otherwise.
const has = (user: CurrentUser, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** records.submit: withdraw a record. */
export const canWithdraw = (user: CurrentUser) => has(user, ['platform_admin', 'department_admin', 'clerk']);
/** records.review: link an unmatched record to a subject. */
export const canReview = (user: CurrentUser) => has(user, ['platform_admin', 'department_admin']);
/** subjects.write: register a subject. */
export const canCreateSubject = (user: CurrentUser) => has(user, ['platform_admin']);
export const seesAllDepartments = (user: CurrentUser) => has(user, ['platform_admin']);

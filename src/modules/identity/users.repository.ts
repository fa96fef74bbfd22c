import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import { identityDb, type UserStatus, type UsersTable } from './identity.tables';

/** A user as stored, with its department's code and name (the password hash stays in the service layer). */
export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: string[];
  readonly status: UserStatus;
  readonly departmentId: string | null;
  readonly departmentCode: string | null;
  readonly departmentName: string | null;
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly passwordChangedAt: string;
}

export function parseJsonList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function baseQuery(executor: Executor) {
  return identityDb(executor)
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .selectAll('users')
    .select(['departments.code as department_code', 'departments.name_zh as department_name']);
}

type Row = UsersTable & { department_code: string | null; department_name: string | null };

const toRecord = (row: Row): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  roles: parseJsonList(row.roles),
  status: row.status,
  departmentId: row.department_id,
  departmentCode: row.department_code,
  departmentName: row.department_name,
  failedLogins: Number(row.failed_logins),
  lockedUntil: row.locked_until,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  passwordChangedAt: row.password_changed_at,
});

export async function selectUserById(executor: Executor, id: string): Promise<UserRecord | null> {
  const row = await baseQuery(executor).where('users.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Case-insensitive: usernames are ASCII, and the unique index is on lower(username). */
export async function selectUserByUsername(executor: Executor, username: string): Promise<UserRecord | null> {
  const row = await baseQuery(executor)
    .where(sql<string>`lower(users.username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export interface UserListFilter {
  readonly departmentId?: string | null;
  readonly status?: UserStatus;
  /** Keyset cursor: ids sort by creation (ULID). */
  readonly afterId?: string;
  readonly limit: number;
}

export async function selectUsers(executor: Executor, filter: UserListFilter): Promise<UserRecord[]> {
  let query = baseQuery(executor).orderBy('users.id').limit(filter.limit);
  if (filter.departmentId) query = query.where('users.department_id', '=', filter.departmentId);
  if (filter.status) query = query.where('users.status', '=', filter.status);
  if (filter.afterId) query = query.where('users.id', '>', filter.afterId);
  return (await query.execute()).map(toRecord);
}

export async function insertUserRow(executor: Executor, row: UsersTable): Promise<void> {
  await identityDb(executor).insertInto('users').values(row).execute();
}

export async function updateUserRow(
  executor: Executor,
  id: string,
  changes: Partial<Omit<UsersTable, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await identityDb(executor).updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Counts a wrong password; from `lockAfter` consecutive failures the account is locked until `lockUntil`. */
export async function recordUserLoginFailure(
  executor: Executor,
  id: string,
  lockAfter: number,
  lockUntil: string,
): Promise<void> {
  await identityDb(executor)
    .updateTable('users')
    .set((eb) => ({
      // Locking starts a fresh count, so the account is not re-locked by the first miss after the lock.
      failed_logins: eb
        .case()
        .when('failed_logins', '>=', lockAfter - 1)
        .then(0)
        .else(eb('failed_logins', '+', 1))
        .end(),
      locked_until: eb
        .case()
        .when('failed_logins', '>=', lockAfter - 1)
        .then(lockUntil)
        .else(eb.ref('locked_until'))
        .end(),
    }))
    .where('id', '=', id)
    .execute();
}

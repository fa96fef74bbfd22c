import { appendAudit } from '../../platform/audit';
import type { Caller } from '../../platform/context';
import { isUniqueViolation, type Db, type Executor } from '../../platform/db';
import { validationFailed } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { assertDepartmentScope, assertRolesGrantable, isPlatformWide, listingScope } from './access';
import { changedFields } from './changes';
import { selectDepartmentByCode } from './departments.repository';
import { cannotDisableSelf, unknownDepartment, unknownRoles, userNotFound, usernameTaken } from './identity.errors';
import type { UserStatus } from './identity.tables';
import { assertPasswordPolicy, hashPassword } from './passwords';
import { isRole, ROLES } from './roles';
import { deleteUserSessions } from './sessions.repository';
import {
  insertUserRow,
  selectUserById,
  selectUserByUsername,
  selectUsers,
  updateUserRow,
  type UserRecord,
} from './users.repository';

/** ASCII so that case folding is the same in JavaScript, SQLite and PostgreSQL. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;
export const DISPLAY_NAME_MAX = 100;
// Control characters have no place in a name shown in tables and audit exports.
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}]/u;

/** What clients and other modules see of a user: never the password hash or lockout state. */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: string[];
  readonly status: UserStatus;
  readonly departmentId: string | null;
  readonly departmentCode: string | null;
  readonly departmentName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly passwordChangedAt: string;
}

export function presentUser(user: UserRecord): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
    departmentId: user.departmentId,
    departmentCode: user.departmentCode,
    departmentName: user.departmentName,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    passwordChangedAt: user.passwordChangedAt,
  };
}

export interface CreateUserInput {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly string[];
  /** Defaults to the username. */
  readonly displayName?: string | null;
  /** Defaults to the caller's own department when the caller is a department admin. */
  readonly departmentCode?: string | null;
}

function checkUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) {
    throw validationFailed([
      {
        field: 'username',
        code: 'invalid_username',
        message: {
          zh: '用户名须为 3–64 个字母、数字或 . _ @ -，以字母或数字开头',
          en: 'A username is 3–64 letters, digits or . _ @ -, starting with a letter or digit',
        },
        value: username,
      },
    ]);
  }
}

function checkDisplayName(displayName: string): string {
  const trimmed = displayName.trim();
  if (trimmed.length === 0 || [...trimmed].length > DISPLAY_NAME_MAX || CONTROL_CHARACTERS.test(trimmed)) {
    throw validationFailed([
      {
        field: 'displayName',
        code: 'invalid_display_name',
        message: {
          zh: `显示名称须为 1–${DISPLAY_NAME_MAX} 个字符，且不含控制字符`,
          en: `A display name is 1–${DISPLAY_NAME_MAX} characters without control characters`,
        },
      },
    ]);
  }
  return trimmed;
}

function checkRoles(roles: readonly string[]): string[] {
  const unique = [...new Set(roles)];
  const unknown = unique.filter((r) => !isRole(r));
  if (unique.length === 0 || unknown.length > 0) throw unknownRoles(unknown.length ? unknown : ['(none)'], ROLES);
  return unique;
}

async function departmentIdOf(executor: Executor, code: string | null | undefined): Promise<string | null> {
  if (code === null || code === undefined) return null;
  const department = await selectDepartmentByCode(executor, code);
  if (!department) throw unknownDepartment(code);
  return department.id;
}

/**
 * Creates a user (`users.manage`). A department admin creates users of their
 * own department only and cannot grant platform_admin. The password is
 * hashed with argon2id and appears in no audit entry or log.
 */
export async function createUser(db: Db, caller: Caller, input: CreateUserInput): Promise<UserView> {
  checkUsername(input.username);
  const roles = checkRoles(input.roles);
  const displayName = checkDisplayName(input.displayName ?? input.username);
  // Omitted: a department admin's users join the admin's department; a platform admin's join none.
  const departmentId =
    input.departmentCode === undefined
      ? isPlatformWide(caller.actor)
        ? null
        : caller.actor.departmentId
      : await departmentIdOf(db.kysely, input.departmentCode);
  assertDepartmentScope(caller.actor, 'users.manage', departmentId);
  assertRolesGrantable(caller.actor, roles);
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      if (await selectUserByUsername(tx, input.username)) throw usernameTaken(input.username);
      const now = nowIso();
      await insertUserRow(tx, {
        id,
        username: input.username,
        display_name: displayName,
        password_hash: passwordHash,
        department_id: departmentId,
        roles: JSON.stringify(roles),
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
        password_changed_at: now,
      });
      await appendAudit(tx, caller, {
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        detail: { username: input.username, displayName, roles, departmentId },
      });
    });
  } catch (error) {
    // Two concurrent creations of the same name: the index decides.
    if (isUniqueViolation(error)) throw usernameTaken(input.username);
    throw error;
  }
  return presentUser((await selectUserById(db.kysely, id))!);
}

export interface UserPatch {
  readonly displayName?: string;
  readonly roles?: readonly string[];
  readonly status?: UserStatus;
  /** null detaches the user from any department (platform admins only). */
  readonly departmentCode?: string | null;
}

/** Loads a user the caller may administer: in scope, and no platform admin unless the caller is platform-wide. */
async function manageableUser(executor: Executor, caller: Caller, id: string): Promise<UserRecord> {
  const user = await selectUserById(executor, id);
  if (!user) throw userNotFound(id);
  assertDepartmentScope(caller.actor, 'users.manage', user.departmentId);
  assertRolesGrantable(caller.actor, user.roles);
  return user;
}

/** Changes a user's display name, roles, status or department (`users.manage`, scoped as for creation). */
export async function updateUser(db: Db, caller: Caller, id: string, patch: UserPatch): Promise<UserView> {
  const roles = patch.roles !== undefined ? checkRoles(patch.roles) : undefined;
  const displayName = patch.displayName !== undefined ? checkDisplayName(patch.displayName) : undefined;
  return db.transaction(async (tx) => {
    const before = await manageableUser(tx, caller, id);
    const departmentId =
      patch.departmentCode !== undefined ? await departmentIdOf(tx, patch.departmentCode) : before.departmentId;
    if (patch.departmentCode !== undefined) assertDepartmentScope(caller.actor, 'users.manage', departmentId);
    if (roles) assertRolesGrantable(caller.actor, roles);
    if (patch.status === 'disabled' && caller.actor.id === id) throw cannotDisableSelf();
    await updateUserRow(tx, id, {
      ...(displayName !== undefined ? { display_name: displayName } : {}),
      ...(roles !== undefined ? { roles: JSON.stringify(roles) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.status === 'active' ? { failed_logins: 0, locked_until: null } : {}),
      department_id: departmentId,
      updated_at: nowIso(),
    });
    // A disabled account is signed out everywhere at once.
    if (patch.status === 'disabled') await deleteUserSessions(tx, id);
    const after = (await selectUserById(tx, id))!;
    await appendAudit(tx, caller, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      detail: {
        username: after.username,
        changes: changedFields(before, after, ['displayName', 'roles', 'status', 'departmentId']),
      },
    });
    return presentUser(after);
  });
}

/**
 * Sets a new password for a user (`users.manage`, scoped as above), clears any
 * lockout and ends the user's sessions. Neither password appears in the audit entry.
 */
export async function setUserPassword(db: Db, caller: Caller, id: string, password: string): Promise<void> {
  const target = await manageableUser(db.kysely, caller, id);
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await manageableUser(tx, caller, id);
    const now = nowIso();
    await updateUserRow(tx, id, {
      password_hash: passwordHash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    });
    await deleteUserSessions(tx, id);
    await appendAudit(tx, caller, {
      action: 'user.password_set',
      targetType: 'user',
      targetId: id,
      detail: { username: target.username },
    });
  });
}

export interface UserListQuery {
  readonly departmentCode?: string;
  readonly status?: UserStatus;
  readonly cursor?: string;
  readonly limit?: number;
}

/**
 * Users visible to the caller (`users.manage`): every user for a platform
 * admin, the own department's for a department admin. The read is audited.
 */
export async function listUsers(
  db: Db,
  caller: Caller,
  query: UserListQuery = {},
): Promise<{ items: UserView[]; nextCursor: string | null }> {
  const scope = listingScope(caller.actor, 'users.manage');
  const limit = query.limit ?? 100;
  return db.transaction(async (tx) => {
    let departmentId: string | null = scope;
    if (query.departmentCode !== undefined) {
      departmentId = await departmentIdOf(tx, query.departmentCode);
      assertDepartmentScope(caller.actor, 'users.manage', departmentId);
    }
    const rows = await selectUsers(tx, {
      departmentId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { afterId: query.cursor } : {}),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(presentUser);
    await appendAudit(tx, caller, {
      action: 'user.list',
      targetType: 'user',
      detail: { departmentId, status: query.status ?? null, returned: items.length },
    });
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  });
}

/** One user by id, or null (no permission check: for the signed-in user's own view and other modules). */
export async function findUserById(executor: Executor, id: string): Promise<UserView | null> {
  const user = await selectUserById(executor, id);
  return user ? presentUser(user) : null;
}

/** One user by username (case-insensitive), or null. */
export async function findUserByUsername(executor: Executor, username: string): Promise<UserView | null> {
  const user = await selectUserByUsername(executor, username);
  return user ? presentUser(user) : null;
}

import type { Executor } from '../../platform/db';
import { identityDb, type SessionsTable } from './identity.tables';

export async function insertSession(executor: Executor, row: SessionsTable): Promise<void> {
  await identityDb(executor).insertInto('sessions').values(row).execute();
}

/** The live session behind a token hash, with its user, or undefined (expired, unknown, user disabled). */
export function selectLiveSession(executor: Executor, tokenHash: string, now: string) {
  return identityDb(executor)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.username',
      'users.roles',
      'users.department_id',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
}

export async function touchSession(executor: Executor, id: string, lastSeenAt: string, expiresAt: string) {
  await identityDb(executor)
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

/** Deletes the session behind a token hash; returns its user id when there was one. */
export async function deleteSessionByTokenHash(executor: Executor, tokenHash: string): Promise<string | null> {
  const row = await identityDb(executor)
    .deleteFrom('sessions')
    .where('token_hash', '=', tokenHash)
    .returning(['user_id'])
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function deleteUserSessions(executor: Executor, userId: string): Promise<void> {
  await identityDb(executor).deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(executor: Executor, userId: string, now: string): Promise<void> {
  await identityDb(executor)
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now)
    .execute();
}

/**
 * Counts one login attempt for `key` in one atomic statement, so concurrent
 * attempts on several instances cannot slip past the limit. A window older
 * than `windowCutoff` restarts at `now` with a count of 1.
 */
export async function countLoginAttempt(executor: Executor, key: string, now: string, windowCutoff: string) {
  return identityDb(executor)
    .insertInto('login_attempts')
    .values({ key, count: 1, window_start: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('login_attempts.window_start', '>', windowCutoff)
          .then(eb('login_attempts.count', '+', 1))
          .else(1)
          .end(),
        window_start: eb
          .case()
          .when('login_attempts.window_start', '>', windowCutoff)
          .then(eb.ref('login_attempts.window_start'))
          .else(now)
          .end(),
      })),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
}

export async function clearLoginAttempts(executor: Executor, key: string): Promise<void> {
  await identityDb(executor).deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Forgets windows that have closed, so the table stays the size of the current attacks. */
export async function deleteStaleLoginAttempts(executor: Executor, windowCutoff: string): Promise<void> {
  await identityDb(executor).deleteFrom('login_attempts').where('window_start', '<=', windowCutoff).execute();
}

/**
 * Signing in and out, and turning a session token back into an actor.
 * Tokens live only in the client's cookie; the database keeps their sha256.
 */
import { appendAudit } from '../../platform/audit';
import { anonymousActor, type Actor, type Caller } from '../../platform/context';
import type { Db } from '../../platform/db';
import { newId, nowIso } from '../../platform/ids';
import { invalidCredentials, throttled } from './identity.errors';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { permissionsForRoles } from './roles';
import {
  clearLoginAttempts,
  countLoginAttempt,
  deleteExpiredSessions,
  deleteSessionByTokenHash,
  deleteStaleLoginAttempts,
  insertSession,
  selectLiveSession,
  touchSession,
} from './sessions.repository';
import { parseJsonList, recordUserLoginFailure, selectUserByUsername, updateUserRow } from './users.repository';
import { presentUser, type UserView } from './users.service';
import { randomToken, sha256Hex } from './tokens';

/** Sliding session lifetime: each request (at most once a minute) pushes the expiry out again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** Failures allowed per username and client address within the window. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Consecutive failures (from any address) that lock the account, and for how long. */
export const ACCOUNT_LOCK_AFTER = 10;
export const ACCOUNT_LOCK_MS = 15 * 60 * 1000;

const isoIn = (ms: number, from = Date.now()) => new Date(from + ms).toISOString();
const secondsUntil = (iso: string, now: number) => Math.max(1, Math.ceil((Date.parse(iso) - now) / 1000));

/** The actor of a signed-in user: permissions always recomputed from the stored roles. */
export function userActor(user: { id: string; username: string; departmentId: string | null; roles: string[] }): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    departmentId: user.departmentId,
    roles: user.roles,
    permissions: permissionsForRoles(user.roles),
  };
}

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
}

export interface LoginResult {
  /** Goes into the cookie and nowhere else. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
}

/**
 * Checks a username and password and opens a session. Wrong username and
 * wrong password fail alike (same error, same argon2 work). Every outcome but
 * throttling is audited; the password is never recorded.
 */
export async function login(db: Db, input: LoginInput): Promise<LoginResult> {
  const started = Date.now();
  const attemptKey = `${input.username.toLowerCase()}|${input.ip ?? ''}`;
  const windowCutoff = new Date(started - LOGIN_WINDOW_MS).toISOString();
  // Counted before the password is checked, so parallel guesses are counted too.
  const attempt = await countLoginAttempt(db.kysely, attemptKey, new Date(started).toISOString(), windowCutoff);
  if (Number(attempt.count) > LOGIN_MAX_FAILURES) {
    throw throttled(secondsUntil(isoIn(LOGIN_WINDOW_MS, Date.parse(attempt.window_start)), started));
  }

  const user = await selectUserByUsername(db.kysely, input.username);
  if (user?.lockedUntil && user.lockedUntil > new Date(started).toISOString()) {
    throw throttled(secondsUntil(user.lockedUntil, started));
  }
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  const anonymous: Caller = { actor: anonymousActor, requestId: input.requestId };

  if (!user || !passwordMatches || user.status !== 'active') {
    const reason = !user ? 'unknown_user' : !passwordMatches ? 'wrong_password' : 'disabled';
    await db.transaction(async (tx) => {
      if (user && !passwordMatches) {
        await recordUserLoginFailure(tx, user.id, ACCOUNT_LOCK_AFTER, isoIn(ACCOUNT_LOCK_MS));
      }
      await appendAudit(tx, anonymous, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        // An unknown "username" is often a password typed into the wrong field: the
        // append-only log keeps only a hash of it, enough to correlate repeated attempts.
        detail: {
          ...(user ? { username: user.username } : { usernameSha256: sha256Hex(input.username.toLowerCase()) }),
          reason,
          ip: input.ip,
        },
      });
    });
    throw invalidCredentials();
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const now = nowIso();
  const expiresAt = isoIn(SESSION_TTL_MS);
  const sessionId = newId();
  await db.transaction(async (tx) => {
    await deleteExpiredSessions(tx, user.id, now);
    await insertSession(tx, {
      id: sessionId,
      token_hash: sha256Hex(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 512) ?? null,
    });
    if (user.failedLogins > 0 || user.lockedUntil) {
      await updateUserRow(tx, user.id, { failed_logins: 0, locked_until: null });
    }
    await clearLoginAttempts(tx, attemptKey);
    await deleteStaleLoginAttempts(tx, windowCutoff);
    await appendAudit(
      tx,
      { actor: userActor(user), requestId: input.requestId },
      { action: 'auth.login', targetType: 'session', targetId: sessionId, detail: { ip: input.ip } },
    );
  });
  return { token, csrfToken, expiresAt, user: presentUser(user) };
}

/** Ends the session behind `token` (no-op when there is none). */
export async function logout(db: Db, caller: Caller, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const userId = await deleteSessionByTokenHash(tx, sha256Hex(token));
    if (userId) await appendAudit(tx, caller, { action: 'auth.logout', targetType: 'user', targetId: userId });
  });
}

export interface ResolvedSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  /** True when this request pushed the expiry out (the cookie should be re-sent). */
  readonly refreshed: boolean;
  readonly actor: Actor;
}

/** The live session behind a cookie token, sliding its expiry; null when unknown, expired or the user is disabled. */
export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const row = await selectLiveSession(db.kysely, sha256Hex(token), now);
  if (!row) return null;
  const refreshed = nowMs - Date.parse(row.last_seen_at) >= SESSION_TOUCH_INTERVAL_MS;
  const expiresAt = refreshed ? isoIn(SESSION_TTL_MS, nowMs) : row.expires_at;
  if (refreshed) await touchSession(db.kysely, row.id, now, expiresAt);
  return {
    sessionId: row.id,
    csrfToken: row.csrf_token,
    expiresAt,
    refreshed,
    actor: userActor({
      id: row.user_id,
      username: row.username,
      departmentId: row.department_id,
      roles: parseJsonList(row.roles),
    }),
  };
}

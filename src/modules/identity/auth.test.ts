import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, type TestApp } from '../../platform/testing';
import { identityDb } from './identity.tables';
import { sha256Hex } from './tokens';
import { buildUser, GOOD_PASSWORD, signIn, uniqueUsername } from './test-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.cleanup();
});

const login = (username: string, password: string, remoteAddress = '127.0.0.1', lang = 'zh') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
    headers: { 'accept-language': lang },
  });

const auditDetails = async (action: string) =>
  (
    await t.db.kysely
      .selectFrom('audit_log')
      .select(['detail', 'actor_id', 'actor_kind', 'target_id'])
      .where('action', '=', action)
      .execute()
  ).map((r: { detail: string; actor_id: string | null; actor_kind: string; target_id: string | null }) => ({
    ...r,
    detail: JSON.parse(r.detail),
  }));

describe('POST /auth/login', () => {
  it('signs in, sets a hardened session cookie and returns the user with a CSRF token', async () => {
    const user = await buildUser(t, { roles: ['clerk'], departmentCode: 'scjgj', displayName: '数据员甲' });
    const response = await login(user.username.toUpperCase(), GOOD_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      user: {
        id: user.id,
        username: user.username,
        displayName: '数据员甲',
        roles: ['clerk'],
        departmentId: user.departmentId,
        departmentName: '北京市海淀区市场监督管理局',
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = response.cookies.find((c) => c.name === 'xy_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 43200 });
    expect(cookie.secure).toBeFalsy();

    // Only the hash of the token is stored.
    const stored = await identityDb(t.db.kysely)
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256Hex(cookie.value));
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
    expect(stored.csrf_token).toBe(body.csrfToken);
  });

  it('marks the cookie Secure when the platform is configured for HTTPS', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    const secureApp = await buildApp({ ...t, config: { ...t.config, secureCookies: true } }, { webDir: null });
    try {
      const response = await secureApp.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password: GOOD_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'xy_session')?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('stores the password as an argon2id hash', async () => {
    const user = await buildUser(t, { roles: ['officer'] });
    const row = await identityDb(t.db.kysely)
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    const wrong = await login(user.username, 'Wrong-Password-1');
    const unknown = await login(uniqueUsername('ghost'), 'Wrong-Password-1');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.cookies).toHaveLength(0);
    }
    const { requestId: _a, instance: _b, ...wrongBody } = wrong.json();
    const { requestId: _c, instance: _d, ...unknownBody } = unknown.json();
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody).toMatchObject({ code: 'auth.invalid_credentials', title: '用户名或密码错误' });
  });

  it('audits success and failure as auth.login / auth.login_failed without the password', async () => {
    const user = await buildUser(t, { roles: ['clerk'], password: 'Audit-Trail-42' });
    await login(user.username, 'Not-The-One-77');
    await login(user.username, 'Audit-Trail-42');
    const failed = (await auditDetails('auth.login_failed')).filter((e) => e.target_id === user.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.detail).toMatchObject({ username: user.username, reason: 'wrong_password' });
    const ok = (await auditDetails('auth.login')).filter((e) => e.actor_id === user.id);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.actor_kind).toBe('user');
    const all = await t.db.kysely.selectFrom('audit_log').select('detail').execute();
    const text = all.map((r: { detail: string }) => r.detail).join('\n');
    expect(text).not.toContain('Audit-Trail-42');
    expect(text).not.toContain('Not-The-One-77');
  });

  it('keeps an unknown username out of the audit log in clear', async () => {
    const typo = uniqueUsername('MyS3cret!Pass');
    await login(typo, 'whatever-1A');
    const entries = await auditDetails('auth.login_failed');
    const entry = entries.find((e) => e.detail.usernameSha256 === sha256Hex(typo.toLowerCase()));
    expect(entry?.detail).toMatchObject({ reason: 'unknown_user' });
    expect(JSON.stringify(entries)).not.toContain(typo);
  });

  it('throttles after 5 failures per username and address, with Retry-After, even for the right password', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    for (let i = 0; i < 5; i += 1)
      expect((await login(user.username, 'Bad-Guess-000', '10.0.0.5')).statusCode).toBe(401);
    const blocked = await login(user.username, GOOD_PASSWORD, '10.0.0.5', 'en');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'auth.throttled', status: 429 });
    expect(blocked.json().title).toMatch(/Too many failed sign-in attempts/);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another address is counted separately.
    expect((await login(user.username, GOOD_PASSWORD, '10.0.0.6')).statusCode).toBe(200);
  });

  it('counts failures in the database (an old window starts over)', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    for (let i = 0; i < 5; i += 1) await login(user.username, 'Bad-Guess-000', '10.0.0.7');
    await identityDb(t.db.kysely)
      .updateTable('login_attempts')
      .set({ window_start: new Date(Date.now() - 16 * 60 * 1000).toISOString() })
      .where('key', '=', `${user.username.toLowerCase()}|10.0.0.7`)
      .execute();
    expect((await login(user.username, GOOD_PASSWORD, '10.0.0.7')).statusCode).toBe(200);
  });

  it('locks an account after 10 consecutive failures from any addresses', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    for (let i = 0; i < 10; i += 1) await login(user.username, 'Bad-Guess-000', `10.1.0.${i}`);
    const locked = await login(user.username, GOOD_PASSWORD, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('refuses a disabled user with the same answer', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    await identityDb(t.db.kysely).updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    const response = await login(user.username, GOOD_PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.invalid_credentials');
  });

  it('refuses unknown fields, naming them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b', remember: true },
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.body).toContain('remember');
  });
});

describe('session cookie', () => {
  it('GET /auth/me returns the user and CSRF token; 401 without a session', async () => {
    const user = await buildUser(t, { roles: ['officer'], departmentCode: 'swj' });
    const session = await signIn(t.app, user.username);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      user: expect.objectContaining({
        id: user.id,
        roles: ['officer'],
        departmentName: '国家税务总局北京市海淀区税务局',
      }),
      csrfToken: session.csrfToken,
    });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
  });

  it('GET /auth/session answers "nobody" with 200, and the person with the CSRF token when signed in', async () => {
    const nobody = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ authenticated: false });
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'xy_session=not-a-real-token' },
    });
    expect(stale.json()).toEqual({ authenticated: false });

    const user = await buildUser(t, { roles: ['officer'], departmentCode: 'swj' });
    const session = await signIn(t.app, user.username);
    const state = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toEqual({
      authenticated: true,
      user: expect.objectContaining({ id: user.id, roles: ['officer'] }),
      csrfToken: session.csrfToken,
    });
    // Protected routes still answer 401 to nobody.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records' })).statusCode).toBe(401);
  });

  it('treats an unknown or expired cookie as anonymous, not as an error', async () => {
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments',
      headers: { cookie: 'xy_session=not-a-real-token' },
    });
    expect(bogus.statusCode).toBe(200);
    const user = await buildUser(t, { roles: ['clerk'] });
    const session = await signIn(t.app, user.username);
    await identityDb(t.db.kysely)
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('slides the expiry at most once a minute and re-sends the cookie when it does', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    const session = await signIn(t.app, user.username);
    const sessions = identityDb(t.db.kysely);
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(first.cookies).toHaveLength(0);
    const old = new Date(Date.now() - 2 * 60 * 1000).toISOString();
    await sessions
      .updateTable('sessions')
      .set({ last_seen_at: old, expires_at: new Date(Date.now() + 60 * 60 * 1000).toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    const second = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(second.cookies.find((c) => c.name === 'xy_session')?.maxAge).toBe(43200);
    const row = await sessions
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at > old).toBe(true);
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(11 * 60 * 60 * 1000);
  });

  it('refuses a cookie-authenticated write without the CSRF header and accepts it with', async () => {
    const admin = await buildUser(t, { roles: ['platform_admin'] });
    const session = await signIn(t.app, admin.username);
    const payload = { username: uniqueUsername('csrf'), password: GOOD_PASSWORD, roles: ['clerk'] };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload,
      headers: { cookie: session.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload,
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.json().code).toBe('auth.csrf_failed');
    const withHeader = await t.app.inject({ method: 'POST', url: '/api/v1/users', payload, headers: session.headers });
    expect(withHeader.statusCode).toBe(201);
  });

  it('checks CSRF on every cookie-authenticated write, unknown routes included', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    const session = await signIn(t.app, user.username);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/nope', headers: { cookie: session.cookie } });
    expect(unknown.statusCode).toBe(403);
    const withHeader = await t.app.inject({ method: 'POST', url: '/api/v1/nope', headers: session.headers });
    expect(withHeader.statusCode).toBe(404);
  });

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    const session = await signIn(t.app, user.username);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(refused.statusCode).toBe(403);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'xy_session')!;
    expect(cleared.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect((await auditDetails('auth.logout')).some((e) => e.actor_id === user.id)).toBe(true);
  });

  it('signs a disabled user out everywhere', async () => {
    const admin = await buildUser(t, { roles: ['platform_admin'] });
    const adminSession = await signIn(t.app, admin.username);
    const user = await buildUser(t, { roles: ['clerk'] });
    const userSession = await signIn(t.app, user.username);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      payload: { status: 'disabled' },
      headers: adminSession.headers,
    });
    expect(patch.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: userSession.cookie } });
    expect(me.statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';
import { buildUser, GOOD_PASSWORD, signIn, signInAs, uniqueUsername, type SignedIn } from './test-support';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signInAs(t.app, t, ['platform_admin'], 'fgw')).session;
});
afterAll(async () => {
  await t.cleanup();
});

const post = (url: string, payload: object, session: SignedIn, lang = 'zh') =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...session.headers, 'accept-language': lang } });
const patch = (url: string, payload: object, session: SignedIn) =>
  t.app.inject({ method: 'PATCH', url, payload, headers: session.headers });
const get = (url: string, session?: SignedIn) =>
  t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

describe('POST /users', () => {
  it('creates a user in a department and audits it without the password', async () => {
    const username = uniqueUsername('new');
    const response = await post(
      '/api/v1/users',
      {
        username,
        password: 'Brand-New-Pass-1',
        roles: ['clerk', 'officer'],
        departmentCode: 'zjw',
        displayName: '王五',
      },
      admin,
    );
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      username,
      displayName: '王五',
      roles: ['clerk', 'officer'],
      status: 'active',
      departmentCode: 'zjw',
      departmentName: '北京市海淀区住房和城乡建设委员会',
    });
    expect(created).not.toHaveProperty('passwordHash');
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('target_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail)).toMatchObject({ username, roles: ['clerk', 'officer'] });
    expect(entry.detail).not.toContain('Brand-New-Pass-1');
    expect(entry.detail).not.toContain('argon2');
    expect(entry.actor_kind).toBe('user');
    // The new user can sign in.
    await signIn(t.app, username, 'Brand-New-Pass-1');
  });

  it('refuses a duplicate username, whatever the case, with 409', async () => {
    const username = uniqueUsername('dup');
    expect(
      (await post('/api/v1/users', { username, password: GOOD_PASSWORD, roles: ['clerk'] }, admin)).statusCode,
    ).toBe(201);
    const again = await post(
      '/api/v1/users',
      { username: username.toUpperCase(), password: GOOD_PASSWORD, roles: ['clerk'] },
      admin,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('identity.username_taken');
  });

  it('explains a weak password in Chinese and English', async () => {
    for (const password of ['short1A!', 'alllowercaseletters', 'lowercase123456', 'NOLOWER123456']) {
      const zh = await post('/api/v1/users', { username: uniqueUsername('weak'), password, roles: ['clerk'] }, admin);
      expect(zh.statusCode).toBe(400);
      expect(zh.json()).toMatchObject({ code: 'identity.weak_password' });
      expect(zh.json().title).toContain('密码至少 10 个字符');
      expect(zh.json().errors[0]).toMatchObject({ field: 'password', code: 'weak_password' });
    }
    const en = await post(
      '/api/v1/users',
      { username: uniqueUsername('weak'), password: 'short', roles: ['clerk'] },
      admin,
      'en',
    );
    expect(en.json().title).toContain('at least 10 characters');
    expect(en.json().title).toContain('three of');
  });

  it('refuses unknown fields and names them', async () => {
    const response = await post(
      '/api/v1/users',
      { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['clerk'], isAdmin: true },
      admin,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().errors[0].message).toContain('isAdmin');
  });

  it('refuses an unknown role and an unknown department', async () => {
    const role = await post(
      '/api/v1/users',
      { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['superuser'] },
      admin,
    );
    expect(role.statusCode).toBe(400);
    expect(role.json().errors[0].field).toBe('body.roles.0');
    const dept = await post(
      '/api/v1/users',
      { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['clerk'], departmentCode: 'nope' },
      admin,
    );
    expect(dept.statusCode).toBe(400);
    expect(dept.json().code).toBe('identity.unknown_department');
  });

  it('stores and returns markup and SQL metacharacters in display names as plain text', async () => {
    for (const displayName of ['<script>alert("x")</script>', "Robert'); DROP TABLE users;--", '100% _under_ \\back']) {
      const response = await post(
        '/api/v1/users',
        { username: uniqueUsername('txt'), password: GOOD_PASSWORD, roles: ['clerk'], displayName },
        admin,
      );
      expect(response.statusCode).toBe(201);
      expect(response.json().displayName).toBe(displayName);
      const listed = await get(`/api/v1/users?limit=500`, admin);
      expect(listed.json().items.map((u: { displayName: string }) => u.displayName)).toContain(displayName);
    }
    expect((await get('/api/v1/users?limit=1', admin)).statusCode).toBe(200);
  });

  it('refuses control characters in a display name', async () => {
    const response = await post(
      '/api/v1/users',
      { username: uniqueUsername('ctl'), password: GOOD_PASSWORD, roles: ['clerk'], displayName: 'a\u0000b' },
      admin,
    );
    expect(response.statusCode).toBe(400);
  });
});

describe('permissions', () => {
  it('answers 401 to anonymous and 403 problem+json with code forbidden to a clerk', async () => {
    expect((await get('/api/v1/users')).statusCode).toBe(401);
    const clerk = (await signInAs(t.app, t, ['clerk'], 'scjgj')).session;
    for (const response of [
      await get('/api/v1/users', clerk),
      await post('/api/v1/users', { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['clerk'] }, clerk),
      await post(
        '/api/v1/departments',
        { code: 'abc', nameZh: 'x', nameEn: 'x', uscc: 'x'.repeat(18), kind: 'government' },
        clerk,
      ),
      await get('/api/v1/api-keys', clerk),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('forbidden');
    }
  });
});

describe('department admin', () => {
  let deptAdmin: SignedIn;
  let deptAdminId: string;
  beforeAll(async () => {
    const signedIn = await signInAs(t.app, t, ['department_admin'], 'sthjj');
    deptAdmin = signedIn.session;
    deptAdminId = signedIn.user.id;
  });

  it('creates users in their own department, by default too', async () => {
    const implicit = await post(
      '/api/v1/users',
      { username: uniqueUsername('own'), password: GOOD_PASSWORD, roles: ['clerk'] },
      deptAdmin,
    );
    expect(implicit.statusCode).toBe(201);
    expect(implicit.json().departmentCode).toBe('sthjj');
    const explicit = await post(
      '/api/v1/users',
      {
        username: uniqueUsername('own'),
        password: GOOD_PASSWORD,
        roles: ['department_admin'],
        departmentCode: 'sthjj',
      },
      deptAdmin,
    );
    expect(explicit.statusCode).toBe(201);
  });

  it('cannot create users elsewhere, without a department, or grant platform_admin', async () => {
    const elsewhere = await post(
      '/api/v1/users',
      { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['clerk'], departmentCode: 'swj' },
      deptAdmin,
    );
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().code).toBe('identity.outside_department');
    const none = await post(
      '/api/v1/users',
      { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['clerk'], departmentCode: null },
      deptAdmin,
    );
    expect(none.statusCode).toBe(403);
    const escalate = await post(
      '/api/v1/users',
      { username: uniqueUsername('x'), password: GOOD_PASSWORD, roles: ['platform_admin'] },
      deptAdmin,
    );
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().code).toBe('identity.not_grantable');
  });

  it('lists only their own department', async () => {
    await buildUser(t, { roles: ['clerk'], departmentCode: 'swj' });
    const listed = await get('/api/v1/users', deptAdmin);
    expect(listed.statusCode).toBe(200);
    const codes = new Set(listed.json().items.map((u: { departmentCode: string }) => u.departmentCode));
    expect([...codes]).toEqual(['sthjj']);
    expect((await get('/api/v1/users?departmentCode=swj', deptAdmin)).statusCode).toBe(403);
  });

  it('edits users of their department only, never a platform admin, and cannot move users out', async () => {
    const own = await buildUser(t, { roles: ['clerk'], departmentCode: 'sthjj' });
    const other = await buildUser(t, { roles: ['clerk'], departmentCode: 'swj' });
    const boss = await buildUser(t, { roles: ['platform_admin'], departmentCode: 'sthjj' });
    const ok = await patch(`/api/v1/users/${own.id}`, { roles: ['officer'], displayName: '改名' }, deptAdmin);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ roles: ['officer'], displayName: '改名' });
    expect((await patch(`/api/v1/users/${other.id}`, { displayName: 'x' }, deptAdmin)).statusCode).toBe(403);
    expect((await patch(`/api/v1/users/${boss.id}`, { status: 'disabled' }, deptAdmin)).statusCode).toBe(403);
    expect((await patch(`/api/v1/users/${own.id}`, { roles: ['platform_admin'] }, deptAdmin)).statusCode).toBe(403);
    expect((await patch(`/api/v1/users/${own.id}`, { departmentCode: 'swj' }, deptAdmin)).statusCode).toBe(403);
    expect(
      (await post(`/api/v1/users/${other.id}/password`, { password: 'Another-Pass-22' }, deptAdmin)).statusCode,
    ).toBe(403);
    expect((await patch(`/api/v1/users/${deptAdminId}`, { status: 'disabled' }, deptAdmin)).json().code).toBe(
      'identity.cannot_disable_self',
    );
  });
});

describe('PATCH /users/:id and POST /users/:id/password', () => {
  it('updates roles, status and department, auditing the changes', async () => {
    const user = await buildUser(t, { roles: ['clerk'], departmentCode: 'jw' });
    const response = await patch(
      `/api/v1/users/${user.id}`,
      { roles: ['officer'], departmentCode: 'mzj', status: 'disabled' },
      admin,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ roles: ['officer'], departmentCode: 'mzj', status: 'disabled' });
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'user.update')
      .where('target_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail).changes).toMatchObject({
      roles: { from: ['clerk'], to: ['officer'] },
      status: { from: 'active', to: 'disabled' },
    });
  });

  it('answers 404 for an unknown user and 400 for an empty patch', async () => {
    expect((await patch('/api/v1/users/01NOPE', { displayName: 'x' }, admin)).statusCode).toBe(404);
    const user = await buildUser(t, { roles: ['clerk'] });
    expect((await patch(`/api/v1/users/${user.id}`, {}, admin)).statusCode).toBe(400);
  });

  it('sets a new password, ends the old sessions, and the new password works', async () => {
    const user = await buildUser(t, { roles: ['clerk'] });
    const old = await signIn(t.app, user.username);
    const weak = await post(`/api/v1/users/${user.id}/password`, { password: 'weak' }, admin);
    expect(weak.json().code).toBe('identity.weak_password');
    const set = await post(`/api/v1/users/${user.id}/password`, { password: 'Fresh-Password-7' }, admin);
    expect(set.statusCode).toBe(204);
    expect((await get('/api/v1/auth/me', old)).statusCode).toBe(401);
    await signIn(t.app, user.username, 'Fresh-Password-7');
    const entries = await t.db.kysely.selectFrom('audit_log').select('detail').execute();
    expect(entries.map((e: { detail: string }) => e.detail).join()).not.toContain('Fresh-Password-7');
  });
});

describe('GET /users', () => {
  it('pages with a cursor', async () => {
    for (let i = 0; i < 3; i += 1) await buildUser(t, { roles: ['clerk'], departmentCode: 'whlyj' });
    const first = (await get('/api/v1/users?departmentCode=whlyj&limit=2', admin)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1].id);
    const second = (await get(`/api/v1/users?departmentCode=whlyj&limit=2&cursor=${first.nextCursor}`, admin)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });
});

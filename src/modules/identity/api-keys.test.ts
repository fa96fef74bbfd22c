import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';
import { identityDb } from './identity.tables';
import { sha256Hex } from './tokens';
import { buildUser, GOOD_PASSWORD, signInAs, uniqueUsername, type SignedIn } from './test-support';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signInAs(t.app, t, ['platform_admin'], 'fgw')).session;
});
afterAll(async () => {
  await t.cleanup();
});

const createKey = async (session: SignedIn, body: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: body, headers: session.headers });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys', () => {
  it('returns the raw key once and stores only its hash and prefix', async () => {
    const response = await createKey(admin, {
      name: '市场监管局业务系统',
      departmentCode: 'scjgj',
      permissions: ['records.submit', 'catalog.read'],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.key).toMatch(/^xy_[0-9A-Za-z]{40}$/);
    expect(created).toMatchObject({
      keyPrefix: created.key.slice(0, 8),
      departmentCode: 'scjgj',
      permissions: ['records.submit', 'catalog.read'],
      status: 'active',
    });
    const row = await identityDb(t.db.kysely)
      .selectFrom('api_clients')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256Hex(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: admin.cookie } });
    expect(listed.body).not.toContain(created.key);
    expect(listed.body).not.toContain(row.key_hash);
    expect(listed.json().items.map((k: { id: string }) => k.id)).toContain(created.id);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'detail']).execute();
    expect(audit.some((e: { action: string }) => e.action === 'apikey.create')).toBe(true);
    expect(audit.map((e: { detail: string }) => e.detail).join()).not.toContain(created.key);
  });

  it('authenticates a bearer key as an api_client actor with its own permissions, without CSRF', async () => {
    const created = (
      await createKey(admin, { name: 'user sync', departmentCode: 'rsj', permissions: ['users.manage'] })
    ).json();
    await buildUser(t, { roles: ['clerk'], departmentCode: 'rsj' });
    await buildUser(t, { roles: ['clerk'], departmentCode: 'jw' });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer(created.key) });
    expect(listed.statusCode).toBe(200);
    const codes = new Set(listed.json().items.map((u: { departmentCode: string }) => u.departmentCode));
    expect([...codes]).toEqual(['rsj']);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(created.key),
      payload: { username: uniqueUsername('bykey'), password: GOOD_PASSWORD, roles: ['clerk'] },
    });
    expect(write.statusCode).toBe(201);
    expect(write.json().departmentCode).toBe('rsj');
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('target_id', '=', write.json().id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_kind: 'api_client', actor_id: created.id });
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: bearer(created.key) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    const row = await identityDb(t.db.kysely)
      .selectFrom('api_clients')
      .select('last_used_at')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it('refuses a bad, revoked or expired key with 401 auth.invalid_api_key', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments',
      headers: bearer('xy_' + 'a'.repeat(40)),
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('auth.invalid_api_key');
    for (const authorization of ['Bearer garbage', 'Bearer', 'bearer xy_a b']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: { authorization } });
      expect(response.statusCode).toBe(401);
    }

    const created = (
      await createKey(admin, { name: 'to revoke', departmentCode: 'jw', permissions: ['catalog.read'] })
    ).json();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(created.key) })).statusCode,
    ).toBe(401);
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer(created.key) });
    expect(ok.statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${created.id}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer(created.key) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_api_key');

    const expiring = (
      await createKey(admin, {
        name: 'expiring',
        departmentCode: 'jw',
        permissions: ['catalog.read'],
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      })
    ).json();
    await identityDb(t.db.kysely)
      .updateTable('api_clients')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expiring.id)
      .execute();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: bearer(expiring.key) })).statusCode,
    ).toBe(401);
  });

  it('refuses an expiry in the past and an unknown permission', async () => {
    const past = await createKey(admin, {
      name: 'x',
      departmentCode: 'jw',
      permissions: ['catalog.read'],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('identity.expiry_in_past');
    const unknown = await createKey(admin, { name: 'x', departmentCode: 'jw', permissions: ['*'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.permissions.0');
  });

  it('lets a department admin manage keys of their own department with permissions they hold', async () => {
    const deptAdmin = (await signInAs(t.app, t, ['department_admin'], 'yjglj')).session;
    const own = await createKey(deptAdmin, { name: 'own', departmentCode: 'yjglj', permissions: ['records.submit'] });
    expect(own.statusCode).toBe(201);
    const other = await createKey(deptAdmin, { name: 'other', departmentCode: 'swj', permissions: ['records.submit'] });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('identity.outside_department');
    const escalate = await createKey(deptAdmin, {
      name: 'escalate',
      departmentCode: 'yjglj',
      permissions: ['departments.manage'],
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().code).toBe('identity.not_grantable');

    const foreign = (
      await createKey(admin, { name: 'f', departmentCode: 'swj', permissions: ['catalog.read'] })
    ).json();
    const revokeForeign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${foreign.id}`,
      headers: deptAdmin.headers,
    });
    expect(revokeForeign.statusCode).toBe(403);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { cookie: deptAdmin.cookie },
    });
    expect(listed.json().items.every((k: { departmentCode: string }) => k.departmentCode === 'yjglj')).toBe(true);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/v1/api-keys/01NOPE', headers: admin.headers })).statusCode,
    ).toBe(404);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import { createApiKey } from '../identity';
import { registerCatalogUsage } from './index';
import {
  createCatalogTestApp,
  sampleDefinition,
  seedDefinition,
  type CatalogTestApp,
  type TestActorName,
} from './catalog.test-support';

let t: CatalogTestApp;
let unregister: (() => void) | null = null;
beforeAll(async () => {
  t = await createCatalogTestApp();
});
afterAll(async () => {
  await t.cleanup();
});
afterEach(() => {
  unregister?.();
  unregister = null;
});

const api = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  options: { as?: TestActorName; body?: unknown; lang?: string } = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: {
      ...(options.as ? { 'x-test-actor': options.as } : {}),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
    ...(options.body !== undefined ? { payload: options.body as object } : {}),
  });

describe('catalog HTTP: reading is public', () => {
  it('lists categories and items, with filters', async () => {
    const categories = await api('GET', '/catalog/categories');
    expect(categories.statusCode).toBe(200);
    expect(categories.json().items).toHaveLength(13);
    const items = await api('GET', '/catalog/items?category=credit_evaluation');
    expect(items.json().items.map((i: { code: string }) => i.code)).toEqual([
      'CONSTRUCTION_CREDIT',
      'TAX_CREDIT_GRADE',
    ]);
    expect((await api('GET', '/catalog/items?q=许可')).json().items.map((i: { code: string }) => i.code)).toEqual([
      'ADM_LICENSE',
    ]);
    const bad = await api('GET', '/catalog/items?status=deleted');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.status');
  });

  it('returns an item, its versions, sharing and JSON Schema', async () => {
    const item = await api('GET', '/catalog/items/ADM_PENALTY');
    expect(item.statusCode).toBe(200);
    expect(item.json()).toMatchObject({
      code: 'ADM_PENALTY',
      version: 1,
      disclosure: 'public',
      identityKey: ['CF_WSH'],
    });
    expect(item.json().fields).toHaveLength(30);
    expect((await api('GET', '/catalog/items/ADM_PENALTY/versions')).json().items).toHaveLength(1);
    expect((await api('GET', '/catalog/items/ADM_PENALTY/sharing')).json()).toMatchObject({
      code: 'ADM_PENALTY',
      sharing: { type: 'unconditional', allDepartments: true },
    });
    const schema = await api('GET', '/catalog/items/ADM_LICENSE/schema?version=1');
    expect(schema.json()).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:xinyong:catalog:ADM_LICENSE:v1',
    });
    const missing = await api('GET', '/catalog/items/ADM_PENALTY?version=7', { lang: 'en' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({
      code: 'catalog.version_not_found',
      title: 'Catalog item ADM_PENALTY has no version 7',
    });
    expect((await api('GET', '/catalog/items/NOT_THERE')).json().code).toBe('catalog.item_not_found');
    expect((await api('GET', '/catalog/items/not-a-code')).statusCode).toBe(400);
  });

  it('documents the routes in OpenAPI', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys(docs.json().paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/catalog/items',
        '/api/v1/catalog/items/{code}/schema',
        '/api/v1/catalog/import',
      ]),
    );
  });
});

describe('catalog HTTP: writing needs catalog.write', () => {
  it('refuses anonymous writers with 401 before looking at the body, and clerks with 403', async () => {
    for (const [method, url] of [
      ['POST', '/catalog/items'],
      ['PUT', '/catalog/items/ADM_PENALTY'],
      ['POST', '/catalog/items/ADM_PENALTY/retire'],
      ['PUT', '/catalog/items/ADM_PENALTY/sharing'],
      ['POST', '/catalog/import'],
    ] as const) {
      const anonymous = await api(method, url, { body: { nonsense: true } });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(anonymous.json().code).toBe('unauthenticated');
      const clerk = await api(method, url, { as: 'clerk', body: { nonsense: true } });
      expect(clerk.statusCode, `${method} ${url}`).toBe(403);
      expect(clerk.json()).toMatchObject({ code: 'forbidden', details: { needed: 'catalog.write' } });
    }
    expect((await api('GET', '/catalog/items/ADM_PENALTY')).json().version).toBe(1);
  });

  it('works with real API keys of the identity module', async () => {
    const writer = await createApiKey(t.db, systemCaller('test'), {
      name: 'catalog sync',
      departmentCode: 'fgw',
      permissions: ['catalog.write'],
    });
    const reader = await createApiKey(t.db, systemCaller('test'), {
      name: 'catalog reader',
      departmentCode: 'scjgj',
      permissions: ['catalog.read'],
    });
    const body = sampleDefinition('T_API_KEY');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items',
      headers: { authorization: `Bearer ${reader.key}` },
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/items',
      headers: { authorization: `Bearer ${writer.key}` },
      payload: body,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().versionCreatedBy).toBe('catalog sync');
  });

  it('creates, versions, shares and retires an item, each write audited under the actor', async () => {
    const created = await api('POST', '/catalog/items', {
      as: 'editor',
      body: { ...sampleDefinition('T_HTTP'), changeNote: '新建' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'T_HTTP', version: 1, versionCreatedBy: 'catalog-editor' });

    const definition = { ...sampleDefinition('T_HTTP'), nameEn: 'Test item, renamed' };
    const updated = await api('PUT', '/catalog/items/T_HTTP', {
      as: 'editor',
      body: { ...definition, changeNote: '改名' },
    });
    expect(updated.json()).toMatchObject({ version: 2, nameEn: 'Test item, renamed', changeNote: '改名' });

    const sharing = await api('PUT', '/catalog/items/T_HTTP/sharing', {
      as: 'editor',
      body: {
        type: 'conditional',
        condition: { zh: '限市场监管', en: 'Market regulation only' },
        departments: ['scjgj'],
        methods: ['online_query'],
        changeNote: '限缩',
      },
    });
    expect(sharing.json()).toMatchObject({ version: 3, sharing: { type: 'conditional', departments: ['scjgj'] } });

    const retired = await api('POST', '/catalog/items/T_HTTP/retire', { as: 'editor', body: { changeNote: '停用' } });
    expect(retired.json()).toMatchObject({ version: 4, status: 'retired' });

    const audit = (await listAudit(t.db.kysely, { actorId: 'user-catalog-editor', limit: 50 })).filter(
      (e) => e.targetId === 'T_HTTP',
    );
    expect(audit.map((e) => e.action).reverse()).toEqual([
      'catalog.item.create',
      'catalog.item.update',
      'catalog.sharing.update',
      'catalog.item.retire',
    ]);
    expect(audit.every((e) => e.requestId !== null)).toBe(true);
  });

  it('names the path of invalid bodies', async () => {
    const unknownKey = await api('POST', '/catalog/items', {
      as: 'editor',
      body: { ...sampleDefinition('T_BAD'), colour: 'red' },
    });
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.json().errors[0]).toMatchObject({ field: 'body', code: 'unrecognized_keys' });

    const badType = sampleDefinition('T_BAD');
    badType.fields[0] = { ...badType.fields[0]!, type: 'colour' as never };
    expect((await api('POST', '/catalog/items', { as: 'editor', body: badType })).json().errors[0].field).toBe(
      'body.fields.0.type',
    );

    const semantic = await api('POST', '/catalog/items', {
      as: 'editor',
      body: { ...sampleDefinition('T_BAD'), identityKey: ['T_NONE'] },
    });
    expect(semantic.statusCode).toBe(400);
    expect(semantic.json().errors).toEqual([
      expect.objectContaining({ field: 'body.identityKey.0', code: 'unknown_field' }),
    ]);

    const mismatch = await api('PUT', '/catalog/items/ADM_LICENSE', {
      as: 'editor',
      body: { ...seedDefinition('ADM_PENALTY'), changeNote: 'x' },
    });
    expect(mismatch.json().errors[0]).toMatchObject({ field: 'body.code', code: 'code_mismatch' });

    const exists = await api('POST', '/catalog/items', { as: 'editor', body: seedDefinition('ADM_PENALTY') });
    expect(exists.statusCode).toBe(409);
    expect(exists.json().code).toBe('catalog.item_exists');
  });

  it('refuses a breaking change with 409 listing each change when records exist', async () => {
    const definition = seedDefinition('ADM_LICENSE');
    definition.fields = definition.fields.map((f) =>
      f.code === 'XK_XKLB' ? { ...f, dictionary: f.dictionary!.slice(0, 5) } : f,
    );
    unregister = registerCatalogUsage(async (_executor, code) => (code === 'ADM_LICENSE' ? 12 : 0));
    const refused = await api('PUT', '/catalog/items/ADM_LICENSE', {
      as: 'editor',
      body: { ...definition, changeNote: '删除“其他”' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'catalog.breaking_change',
      details: { records: 12, changes: [{ kind: 'dictionary_value_removed', field: 'XK_XKLB' }] },
    });
    expect(refused.json().details.changes[0].zh).toContain('其他');
    expect(refused.json().details.changes[0].en).toContain('removed');
    unregister();
    unregister = null;
    const accepted = await api('PUT', '/catalog/items/ADM_LICENSE', {
      as: 'editor',
      body: { ...definition, changeNote: '删除“其他”' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().version).toBe(2);
  });

  it('stores hostile strings as text and returns them unchanged', async () => {
    const hostile = {
      ...sampleDefinition('T_HOSTILE'),
      nameZh: '<script>alert(1)</script>',
      nameEn: "'; DROP TABLE catalog_items; --",
      conduct: { zh: '<img src=x onerror=alert(1)>', en: 'Robert"); DROP TABLE catalog_item_versions;--' },
      legalBasis: ["' OR '1'='1"],
    };
    const created = await api('POST', '/catalog/items', { as: 'editor', body: hostile });
    expect(created.statusCode, created.body).toBe(201);
    const item = await api('GET', '/catalog/items/T_HOSTILE');
    expect(item.headers['content-type']).toContain('application/json');
    expect(item.json()).toMatchObject({
      nameZh: hostile.nameZh,
      nameEn: hostile.nameEn,
      conduct: hostile.conduct,
      legalBasis: hostile.legalBasis,
    });
    const search = await api('GET', `/catalog/items?q=${encodeURIComponent("'; DROP TABLE")}`);
    expect(search.json().items.map((i: { code: string }) => i.code)).toEqual(['T_HOSTILE']);
    expect((await api('GET', '/catalog/items')).json().items.length).toBeGreaterThan(17);
  });

  it('exports and imports the catalog over HTTP', async () => {
    const exported = await api('GET', '/catalog/export');
    expect(exported.statusCode).toBe(200);
    const document = exported.json();
    const roundTrip = await api('POST', '/catalog/import', { as: 'editor', body: document });
    expect(roundTrip.statusCode, roundTrip.body).toBe(200);
    expect(roundTrip.json()).toMatchObject({
      applied: true,
      created: 0,
      updated: 0,
      refused: 0,
      unchanged: document.items.length,
    });

    document.items[4].definition.fields[0].labelZh = 123;
    const malformed = await api('POST', '/catalog/import', { as: 'editor', body: document });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.items.4.definition.fields.0.labelZh',
    ]);

    document.items[4].definition.fields[0].labelZh = document.items[4].definition.fields[1].labelZh;
    const semantic = await api('POST', '/catalog/import', { as: 'editor', body: document });
    expect(semantic.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.items.4.definition.fields.1.labelZh',
    ]);
  });
});

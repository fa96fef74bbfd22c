import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anonymousActor, systemCaller, type Caller } from '../../platform/context';
import { listAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import {
  createCatalogItem,
  exportCatalog,
  getCatalogItem,
  getCatalogItemSchema,
  importCatalog,
  listCatalogItems,
  listCatalogSummaries,
  listCatalogVersions,
  registerCatalogUsage,
  retireCatalogItem,
  updateCatalogItem,
  updateCatalogSharing,
} from './index';
import { sampleDefinition, seedDefinition } from './catalog.test-support';

const caller: Caller = systemCaller('test');
let deps: TestDeps;
let unregister: (() => void) | null = null;

beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});
afterEach(() => {
  unregister?.();
  unregister = null;
});

/** Pretends the records module holds `count` records of `code`. */
const recordsOf = (code: string, count: number) => {
  unregister = registerCatalogUsage(async (_executor, itemCode) => (itemCode === code ? count : 0));
};

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('catalog versions', () => {
  it('creates version 1 with default sharing, then versions every change and keeps old versions readable', async () => {
    const created = await createCatalogItem(deps.db, caller, { definition: sampleDefinition('T_VERSIONS') });
    expect(created).toMatchObject({ version: 1, currentVersion: 1, status: 'active', changeKind: 'create' });
    expect(created.sharing).toMatchObject({ type: 'unconditional', allDepartments: true });

    const edited = sampleDefinition('T_VERSIONS');
    edited.nameZh = '测试条目（改）';
    edited.fields.push({ code: 'T_BZ', labelZh: '备注', labelEn: 'Remarks', type: 'text', maxLength: 200 });
    const v2 = await updateCatalogItem(deps.db, caller, 'T_VERSIONS', { definition: edited, changeNote: '加备注' });
    expect(v2).toMatchObject({ version: 2, currentVersion: 2, changeKind: 'update', changeNote: '加备注' });

    const same = await updateCatalogItem(deps.db, caller, 'T_VERSIONS', { definition: edited, changeNote: 'again' });
    expect(same.version).toBe(2);

    const v1 = await getCatalogItem(deps.db.kysely, 'T_VERSIONS', 1);
    expect(v1).toMatchObject({ version: 1, currentVersion: 2, nameZh: '测试条目' });
    expect(v1.fields).toHaveLength(4);
    expect((await getCatalogItem(deps.db.kysely, 'T_VERSIONS')).fields).toHaveLength(5);

    const schema1 = await getCatalogItemSchema(deps.db.kysely, 'T_VERSIONS', 1);
    const schema2 = await getCatalogItemSchema(deps.db.kysely, 'T_VERSIONS');
    expect(schema1.$id).toBe('urn:xinyong:catalog:T_VERSIONS:v1');
    expect(schema2.$id).toBe('urn:xinyong:catalog:T_VERSIONS:v2');
    expect(Object.keys(schema2.properties as object)).toContain('T_BZ');
    expect(Object.keys(schema1.properties as object)).not.toContain('T_BZ');

    const sharing = await updateCatalogSharing(deps.db, caller, 'T_VERSIONS', {
      sharing: {
        type: 'conditional',
        condition: { zh: '须说明用途', en: 'State the purpose' },
        departments: ['scjgj'],
        methods: ['online_query'],
      },
      changeNote: '收紧共享',
    });
    expect(sharing).toMatchObject({ version: 3, changeKind: 'sharing', nameZh: '测试条目（改）' });

    const retired = await retireCatalogItem(deps.db, caller, 'T_VERSIONS', { changeNote: '停用' });
    expect(retired).toMatchObject({ version: 4, status: 'retired', changeKind: 'retire' });
    expect((await retireCatalogItem(deps.db, caller, 'T_VERSIONS', { changeNote: 'again' })).version).toBe(4);
    expect(
      (await caught(updateCatalogItem(deps.db, caller, 'T_VERSIONS', { definition: edited, changeNote: 'x' }))).code,
    ).toBe('catalog.item_retired');

    const versions = await listCatalogVersions(deps.db.kysely, 'T_VERSIONS');
    expect(versions.map((v) => [v.version, v.changeKind, v.status])).toEqual([
      [4, 'retire', 'retired'],
      [3, 'sharing', 'active'],
      [2, 'update', 'active'],
      [1, 'create', 'active'],
    ]);
    expect((await getCatalogItem(deps.db.kysely, 'T_VERSIONS', 2)).status).toBe('active');
  });

  it('writes an audit entry for every change', async () => {
    const entries = await listAudit(deps.db.kysely, { limit: 500 });
    const mine = entries.filter((e) => e.targetId === 'T_VERSIONS').map((e) => e.action);
    expect(mine.sort()).toEqual([
      'catalog.item.create',
      'catalog.item.retire',
      'catalog.item.update',
      'catalog.sharing.update',
    ]);
  });

  it('refuses duplicates, unknown items and versions, and writers without permission', async () => {
    expect((await caught(createCatalogItem(deps.db, caller, { definition: seedDefinition('ADM_PENALTY') }))).code).toBe(
      'catalog.item_exists',
    );
    expect((await caught(getCatalogItem(deps.db.kysely, 'NOPE'))).status).toBe(404);
    expect((await caught(getCatalogItem(deps.db.kysely, 'ADM_PENALTY', 99))).code).toBe('catalog.version_not_found');
    const anonymous = { actor: anonymousActor, requestId: null };
    expect(
      (await caught(createCatalogItem(deps.db, anonymous, { definition: sampleDefinition('T_ANON') }))).status,
    ).toBe(403);
    const mismatch = await caught(
      updateCatalogItem(deps.db, caller, 'ADM_LICENSE', { definition: seedDefinition('ADM_PENALTY'), changeNote: 'x' }),
    );
    expect(mismatch.errors?.[0]?.field).toBe('code');
  });

  it("checks departments against the identity module's departments", async () => {
    const definition = { ...sampleDefinition('T_DEPTS'), providingDepartments: ['fgw', 'nowhere'] };
    const error = await caught(createCatalogItem(deps.db, caller, { definition }));
    expect(error.errors).toEqual([
      expect.objectContaining({ field: 'providingDepartments.1', code: 'unknown_department' }),
    ]);
    const sharing = { type: 'unconditional', departments: ['scjgj', 'elsewhere'], methods: ['bulk'] };
    const shared = await caught(
      createCatalogItem(deps.db, caller, { definition: sampleDefinition('T_DEPTS'), sharing }),
    );
    expect(shared.errors!.map((e) => e.field)).toEqual(['sharing.departments.1']);
  });

  it('filters the item list by category, status and text', async () => {
    const admin = await listCatalogSummaries(deps.db.kysely, { category: 'administrative_management' });
    expect(admin.map((i) => i.code)).toEqual([
      'ADM_LICENSE',
      'ADM_PENALTY',
      'FOOD_DRUG_SAMPLING',
      'INSPECTION_RESULT',
      'QUALITY_SPOT_CHECK',
    ]);
    expect((await listCatalogSummaries(deps.db.kysely, { q: '处罚' })).map((i) => i.code)).toEqual(['ADM_PENALTY']);
    expect((await listCatalogSummaries(deps.db.kysely, { q: 'licence' })).map((i) => i.code)).toEqual(['ADM_LICENSE']);
    expect((await listCatalogSummaries(deps.db.kysely, { q: '100%_' })).length).toBe(0);
    expect((await listCatalogSummaries(deps.db.kysely, { status: 'retired' })).map((i) => i.code)).toContain(
      'T_VERSIONS',
    );
  });
});

describe('breaking changes', () => {
  const breaking = () => {
    const definition = seedDefinition('ADM_PENALTY');
    definition.fields = definition.fields.filter((f) => f.code !== 'BZ');
    definition.fields = definition.fields.map((f) => (f.code === 'CF_XDR_MC' ? { ...f, maxLength: 100 } : f));
    return definition;
  };

  it('are refused with every change listed when the item has records', async () => {
    recordsOf('ADM_PENALTY', 3);
    const error = await caught(
      updateCatalogItem(deps.db, caller, 'ADM_PENALTY', { definition: breaking(), changeNote: 'trim' }),
    );
    expect(error).toMatchObject({ code: 'catalog.breaking_change', status: 409 });
    expect(error.details).toMatchObject({ code: 'ADM_PENALTY', records: 3 });
    const changes = (error.details!.changes as Array<{ kind: string; field: string; zh: string; en: string }>).map(
      (c) => `${c.kind}:${c.field}`,
    );
    expect(changes).toEqual(['max_length_shrunk:CF_XDR_MC', 'field_removed:BZ']);
    expect(error.text.zh).toContain('3 条记录');
    expect((await getCatalogItem(deps.db.kysely, 'ADM_PENALTY')).version).toBe(1);
  });

  it('let compatible changes through even with records', async () => {
    recordsOf('ADM_PENALTY', 3);
    const definition = seedDefinition('ADM_PENALTY');
    definition.legalBasis = [...definition.legalBasis, '《北京市社会信用条例》'];
    const item = await updateCatalogItem(deps.db, caller, 'ADM_PENALTY', { definition, changeNote: 'basis' });
    expect(item.version).toBe(2);
  });

  it('are accepted when no records use the item', async () => {
    const item = await updateCatalogItem(deps.db, caller, 'ADM_PENALTY', {
      definition: breaking(),
      changeNote: 'trim',
    });
    expect(item.version).toBe(3);
    expect(item.fields.map((f) => f.code)).not.toContain('BZ');
  });
});

describe('export and import', () => {
  it('round-trips: importing an export changes nothing', async () => {
    const document = await exportCatalog(deps.db.kysely);
    expect(document).toMatchObject({ format: 'xinyong.catalog', formatVersion: 1 });
    const before = await listCatalogItems(deps.db.kysely);
    const report = await importCatalog(deps.db, caller, JSON.parse(JSON.stringify(document)));
    expect(report).toMatchObject({ applied: true, created: 0, updated: 0, refused: 0, unchanged: before.length });
    const again = await exportCatalog(deps.db.kysely);
    expect({ ...again, exportedAt: null }).toEqual({ ...document, exportedAt: null });
  });

  it('creates, updates and retires from a document', async () => {
    const document = await exportCatalog(deps.db.kysely);
    const items = document.items.map((entry) =>
      entry.definition.code === 'RED_LIST'
        ? { ...entry, definition: { ...entry.definition, nameEn: 'Red list' } }
        : entry.definition.code === 'QUALITY_SPOT_CHECK'
          ? { ...entry, status: 'retired' as const }
          : entry,
    );
    const fresh = { definition: sampleDefinition('T_IMPORTED'), sharing: { type: 'none' } };
    const report = await importCatalog(deps.db, caller, {
      ...document,
      changeNote: '年度修订',
      items: [...items, fresh],
    });
    expect(report).toMatchObject({ applied: true, created: 1, updated: 2 });
    expect(report.items.find((i) => i.code === 'RED_LIST')).toMatchObject({ outcome: 'updated', version: 2 });
    expect(await getCatalogItem(deps.db.kysely, 'QUALITY_SPOT_CHECK')).toMatchObject({
      status: 'retired',
      changeKind: 'retire',
    });
    expect(await getCatalogItem(deps.db.kysely, 'T_IMPORTED')).toMatchObject({
      version: 1,
      changeNote: '年度修订',
      sharing: { type: 'none' },
    });
  });

  it('changes nothing for a malformed document and names each bad path', async () => {
    const document = await exportCatalog(deps.db.kysely);
    const broken = JSON.parse(JSON.stringify(document));
    broken.items[0].definition.nameZh = '应当不会被写入';
    broken.items[1].definition.fields[2].type = 'colour';
    broken.items[2].sharing.type = 'conditional';
    broken.items[3].definition.identityKey = ['NOPE'];
    const auditBefore = (await listAudit(deps.db.kysely, { limit: 1 }))[0]!.seq;
    const error = await caught(importCatalog(deps.db, caller, broken));
    expect(error.code).toBe('validation_failed');
    expect(error.errors!.map((e) => e.field)).toEqual([
      'items.1.definition.fields.2.type',
      'items.2.sharing.condition',
      'items.3.definition.identityKey.0',
    ]);
    expect((await caught(importCatalog(deps.db, caller, { format: 'other' }))).errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['format', 'formatVersion', 'items']),
    );
    expect(await exportCatalog(deps.db.kysely).then((d) => d.items.map((i) => i.definition.nameZh))).not.toContain(
      '应当不会被写入',
    );
    expect((await listAudit(deps.db.kysely, { limit: 1 }))[0]!.seq).toBe(auditBefore);
  });

  it('is all-or-nothing when an item is refused', async () => {
    recordsOf('ADM_LICENSE', 1);
    const document = await exportCatalog(deps.db.kysely);
    const items = document.items.map((entry) => {
      if (entry.definition.code === 'ADM_LICENSE') {
        return { ...entry, definition: { ...entry.definition, identityKey: ['XK_WSH', 'XK_XKWS'] } };
      }
      if (entry.definition.code === 'COMMITMENT')
        return { ...entry, definition: { ...entry.definition, nameEn: 'Pledge' } };
      return entry;
    });
    const error = await caught(
      importCatalog(deps.db, caller, {
        ...document,
        items: [...items, { definition: sampleDefinition('T_NEVER'), sharing: { type: 'none' } }],
      }),
    );
    expect(error).toMatchObject({ code: 'catalog.import_refused', status: 409 });
    const report = error.details!.report as {
      applied: boolean;
      items: Array<{ code: string; outcome: string; reasons: Array<{ zh: string }> }>;
    };
    expect(report.applied).toBe(false);
    expect(report.items.find((i) => i.code === 'ADM_LICENSE')).toMatchObject({ outcome: 'refused' });
    expect(
      report.items
        .find((i) => i.code === 'ADM_LICENSE')!
        .reasons.map((r) => r.zh)
        .join(),
    ).toContain('记录标识字段');
    expect(report.items.find((i) => i.code === 'COMMITMENT')!.outcome).toBe('updated');
    expect(report.items.find((i) => i.code === 'T_NEVER')!.outcome).toBe('created');
    expect((await getCatalogItem(deps.db.kysely, 'COMMITMENT')).nameEn).toBe('Credit commitment');
    expect((await caught(getCatalogItem(deps.db.kysely, 'T_NEVER'))).status).toBe(404);
  });
});

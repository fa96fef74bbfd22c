/**
 * Test support for the catalog tests: the real app over a real database, plus
 * a test-only hook that sets `request.actor` from the `x-test-actor` header
 * until the identity module resolves real sessions. Never used outside tests.
 */
import { buildApp } from '../../app';
import type { Actor } from '../../platform/context';
import type { HttpServer } from '../../platform/http';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { SEED_ITEMS } from './seed/seed-items';
import type { DefinitionInput } from './seed/builders';

const user = (name: string, permissions: string[]): Actor => ({
  kind: 'user',
  id: `user-${name}`,
  name,
  departmentId: 'fgw',
  roles: ['test'],
  permissions: new Set(permissions),
});

export const testActors = {
  /** A credit-office catalog maintainer. */
  editor: user('catalog-editor', ['catalog.read', 'catalog.write']),
  /** A department clerk who may read but not change the catalog. */
  clerk: user('department-clerk', ['catalog.read', 'records.submit']),
} as const;

export type TestActorName = keyof typeof testActors;

export interface CatalogTestApp extends TestDeps {
  readonly app: HttpServer;
}

export async function createCatalogTestApp(): Promise<CatalogTestApp> {
  const deps = await createTestDeps();
  const app = await buildApp(deps, { webDir: null, rateLimit: 100_000 });
  app.addHook('onRequest', async (request) => {
    const name = request.headers['x-test-actor'];
    if (typeof name === 'string' && name in testActors) request.actor = testActors[name as TestActorName];
  });
  await app.ready();
  return {
    ...deps,
    app,
    async cleanup() {
      await app.close();
      await deps.cleanup();
    },
  };
}

/** A fresh copy of a seed definition (zod input form), to edit in a test. */
export function seedDefinition(code: string): DefinitionInput {
  const seed = SEED_ITEMS.find((s) => s.definition.code === code);
  if (!seed) throw new Error(`no seed item ${code}`);
  return structuredClone(seed.definition);
}

/** A small valid definition with a new code. */
export function sampleDefinition(code: string): DefinitionInput {
  return {
    code,
    nameZh: '测试条目',
    nameEn: 'Test item',
    category: 'other',
    conduct: { zh: '测试用', en: 'For tests' },
    legalBasis: ['《测试办法》'],
    providingDepartments: ['fgw'],
    subjectKinds: ['legal_person'],
    fields: [
      { code: 'T_WSH', labelZh: '文书号', labelEn: 'Document number', type: 'string', maxLength: 64, required: true },
      { code: 'T_MC', labelZh: '名称', labelEn: 'Name', type: 'string', maxLength: 100, required: true },
      {
        code: 'T_LB',
        labelZh: '类别',
        labelEn: 'Kind',
        type: 'enum',
        dictionary: [{ value: '甲' }, { value: '乙' }, { value: '丙' }],
      },
      { code: 'T_RQ', labelZh: '日期', labelEn: 'Date', type: 'date', required: true, notInFuture: true },
    ],
    collectionMethods: ['form'],
    updateFrequency: 'on_change',
    disclosure: 'public',
    publicationPeriod: { kind: 'fixed', startField: 'T_RQ', months: 12 },
    retentionYears: 5,
    identityKey: ['T_WSH'],
  };
}

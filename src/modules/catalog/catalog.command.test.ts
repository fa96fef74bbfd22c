import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../platform/audit';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { catalogModule, getCatalogItem } from './index';

let deps: TestDeps;
let dir: string;
beforeAll(async () => {
  deps = await createTestDeps();
  dir = mkdtempSync(path.join(tmpdir(), 'xinyong-catalog-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await deps.cleanup();
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `xinyong …args` against the test database; returns what it printed. */
async function run(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  const program = new Command().name('xinyong').exitOverride();
  // The commands close the database when done; the test keeps it open across runs.
  catalogModule.registerCommands!(program, async () => ({ ...deps, db: { ...deps.db, close: async () => {} } }));
  try {
    await program.parseAsync(['node', 'xinyong', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}

describe('xinyong catalog', () => {
  it('list prints a table, or JSON', async () => {
    const human = await run('catalog', 'list');
    expect(human.stdout).toMatch(/ADM_PENALTY\s+行政处罚\s+主动公开\s+active\s+1/);
    expect(human.stdout).toContain('TAX_CREDIT_GRADE');
    const json = JSON.parse((await run('catalog', 'list', '--json')).stdout) as Array<{ code: string }>;
    expect(json.map((i) => i.code)).toContain('INSPECTION_RESULT');
    expect(json).toHaveLength(17);
  });

  it('show prints the item, its period rule and a field table', async () => {
    const { stdout } = await run('catalog', 'show', 'adm_penalty');
    expect(stdout).toContain('ADM_PENALTY  行政处罚 / Administrative penalty');
    expect(stdout).toContain('主动公开 / Public');
    expect(stdout).toContain('按处罚类别，自 CF_JDRQ 起计');
    expect(stdout).toContain('2026-04-01 前：轻微 3个月–3年；一般 3个月–3年；严重 3个月–3年');
    expect(stdout).toContain('2026-04-01 起：轻微 至多3个月，通常不公示；一般 3个月–1年；严重 1年–3年');
    expect(stdout).toContain('from 2026-04-01: minor up to 3 months, normally unpublished');
    expect(stdout).toMatch(/CF_WSH\s+行政处罚决定书文号\s+string\(128\)\s+R 必填/);
    expect(stdout).toMatch(
      /CF_XDR_SHXYM\s+统一社会信用代码\s+uscc\s+C 条件: CF_XDR_LB ∈ \{法人及非法人组织, 个体工商户\}/,
    );
    expect(stdout).toMatch(/CF_GSJZQ\s+公示截止期\s+date\s+D 派生/);
    const json = JSON.parse((await run('catalog', 'show', 'ADM_LICENSE', '--version', '1', '--json')).stdout);
    expect(json).toMatchObject({ code: 'ADM_LICENSE', version: 1 });
    expect((await run('catalog', 'show', 'ADM_LICENSE', '--version', 'x')).exitCode).toBe(1);
    await expect(run('catalog', 'show', 'NOPE')).rejects.toMatchObject({ code: 'catalog.item_not_found' });
  });

  it('export writes the document to stdout or a file; import of it changes nothing', async () => {
    const document = JSON.parse((await run('catalog', 'export')).stdout);
    expect(document).toMatchObject({ format: 'xinyong.catalog', formatVersion: 1 });
    const file = path.join(dir, 'catalog.json');
    const written = await run('catalog', 'export', '--out', file);
    expect(written.stderr).toContain(file);
    expect(JSON.parse(readFileSync(file, 'utf8')).items).toHaveLength(document.items.length);

    const imported = await run('catalog', 'import', file);
    expect(imported.exitCode).toBe(0);
    expect(imported.stdout).toMatch(/ADM_PENALTY\s+未变 unchanged v1/);
    expect(imported.stdout).toContain(`Imported: 0 created, 0 updated, ${document.items.length} unchanged`);

    document.items[0].definition.nameEn = 'Renamed by the CLI';
    writeFileSync(file, JSON.stringify(document));
    const report = JSON.parse((await run('catalog', 'import', file, '--json')).stdout);
    expect(report).toMatchObject({ ok: true, report: { applied: true, updated: 1 } });
    const audit = await listAudit(deps.db.kysely, { action: 'catalog.import', limit: 5 });
    expect(audit[0]).toMatchObject({ actorKind: 'system', actorName: 'cli' });
  });

  it('import explains malformed JSON and names each invalid field, changing nothing', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "xinyong.catalog", "items": [');
    const malformed = await run('catalog', 'import', broken);
    expect(malformed.exitCode).toBe(1);
    expect(malformed.stderr).toContain('不是有效的 JSON');
    expect(malformed.stderr).toContain('is not valid JSON');

    expect((await run('catalog', 'import', path.join(dir, 'missing.json'))).stderr).toContain('ENOENT');

    const document = JSON.parse((await run('catalog', 'export')).stdout);
    document.items[1].definition.fields[0].type = 'colour';
    document.items[2].definition.nameZh = '不应写入';
    document.items[3].sharing.methods = ['carrier_pigeon'];
    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify(document));
    const result = await run('catalog', 'import', invalid);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('items.1.definition.fields.0.type');
    expect(result.stderr).toContain('items.3.sharing.methods.0');
    const json = JSON.parse((await run('catalog', 'import', invalid, '--json')).stdout);
    expect(json).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(json.errors.map((e: { field: string }) => e.field)).toEqual([
      'items.1.definition.fields.0.type',
      'items.3.sharing.methods.0',
    ]);
    const code = document.items[2].definition.code as string;
    expect((await getCatalogItem(deps.db.kysely, code)).nameZh).not.toBe('不应写入');
  });
});

/**
 * A process killed at any moment during an import leaves the database as
 * before the batch or as after it: the real CLI, a real database, SIGKILL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../platform/testing';
import { penaltyFixture, registerFixtureSubjects, toCsv } from './ingest.test-support';

const cli = path.resolve(import.meta.dirname, '../../../bin/xinyong.js');
const ROWS = 12_000;

/**
 * Runs `xinyong import`; with `killAt`, SIGKILLs it once it reports that many
 * rows read (or, with 'committing', once it starts committing) — a point
 * inside the batch whatever the machine's speed.
 */
function runImport(t: TestApp, file: string, killAt: number | 'committing' | null): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'import', file, '--item', 'ADM_PENALTY', '--dept', 'scjgj', '--json'], {
      env: { ...process.env, ...t.cliEnv, XINYONG_PROGRESS_LOG: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (sent || killAt === null) return;
      for (const line of stderr.split('\n')) {
        const m = /^progress (\d+) (\w+)$/.exec(line);
        if (!m) continue;
        const hit = killAt === 'committing' ? m[2] === 'committing' : Number(m[1]) >= killAt;
        if (hit) {
          sent = true;
          child.kill('SIGKILL');
          return;
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true });
      else if (code === 0) resolve({ killed: false });
      else reject(new Error(`import exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

describe('import atomicity under kill -9', () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    t = await createTestApp();
    await registerFixtureSubjects(t);
    file = path.join(t.dataDir, 'penalties.csv');
    writeFileSync(file, await toCsv(t, await penaltyFixture(t, ROWS, 42), { encoding: 'gb18030' }));
  });
  afterAll(() => t.cleanup());

  async function batches() {
    const result = await sql<{ id: string; status: string; versions: number }>`
      SELECT b.id, b.status, (SELECT count(*) FROM record_versions v WHERE v.batch_id = b.id) AS versions
      FROM ingest_batches b ORDER BY b.id`.execute(t.db.kysely);
    return result.rows.map((r) => ({ ...r, versions: Number(r.versions) }));
  }

  it(
    'leaves every batch all applied or not applied at all, and a re-run completes without duplicates',
    { timeout: 240_000 },
    async () => {
      const reference = await runImport(t, file, null);
      expect(reference.killed).toBe(false);
      const [first] = await batches();
      expect(first).toMatchObject({ status: 'committed', versions: ROWS });

      // The reference run stored every record; kill re-imports of a changed file
      // (each would write a new version of every record) at points inside the batch.
      const changed = path.join(t.dataDir, 'penalties-changed.csv');
      const rows = (await penaltyFixture(t, ROWS, 42)).map((r) => ({ ...r, BZ: '更正' }));
      writeFileSync(changed, await toCsv(t, rows));
      const seed = Number(process.env.XINYONG_CRASH_SEED ?? Date.now() % 1000);
      const points: (number | 'committing')[] = [
        500,
        Math.floor(ROWS / 2),
        ROWS - 500,
        'committing',
        500 + ((seed * 7919) % (ROWS - 1000)),
      ];
      for (const point of points) expect((await runImport(t, changed, point)).killed, `kill at ${point}`).toBe(true);

      const after = await batches();
      for (const batch of after) {
        if (batch.status === 'committed') expect(batch.versions, `batch ${batch.id}`).toBe(ROWS);
        else
          expect({ status: batch.status, versions: batch.versions }, `batch ${batch.id}`).toEqual({
            status: 'running',
            versions: 0,
          });
      }
      // At least one kill landed inside a batch (the point of the test).
      expect(
        after.some((b) => b.status === 'running'),
        `seed ${seed}`,
      ).toBe(true);

      const records = await sql<{ n: number }>`SELECT count(*) AS n FROM records`.execute(t.db.kysely);
      expect(Number(records.rows[0]!.n)).toBe(ROWS);
      if (t.db.dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(t.db.kysely);
        expect(check.rows[0]!.integrity_check).toBe('ok');
      }
      const finished = await runImport(t, changed, null);
      expect(finished.killed).toBe(false);
      expect(
        Number((await sql<{ n: number }>`SELECT count(*) AS n FROM records`.execute(t.db.kysely)).rows[0]!.n),
      ).toBe(ROWS);
    },
  );
});

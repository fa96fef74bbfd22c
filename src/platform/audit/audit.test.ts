import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { createTestDeps, type TestDeps } from '../testing';
import { systemCaller } from '../context';
import { appendAudit, checkpointAudit, listAudit, verifyAudit } from '.';

const run = promisify(execFile);

async function appendMany(t: TestDeps, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await t.db.transaction((tx) =>
      appendAudit(
        tx,
        { ...systemCaller('tester'), purpose: `p${i}` },
        { action: 'test.write', targetId: `t${i}`, detail: { i } },
      ),
    );
  }
}

describe('audit chain', () => {
  let t: TestDeps;
  // Seeding reference data at boot already writes entries; positions below are relative to it.
  let base = 0;
  beforeEach(async () => {
    t = await createTestDeps();
    base = (await verifyAudit(t.db, null)).headSeq;
    await appendMany(t, 6);
  });
  afterEach(() => t.cleanup());

  it('verifies an intact chain', async () => {
    const result = await verifyAudit(t.db, t.config.auditCheckpointFile);
    expect(result).toMatchObject({ ok: true, entries: base + 6, headSeq: base + 6, problem: null });
  });

  it('finds an altered entry by position', async () => {
    await sql`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = ${base + 4}`.execute(t.db.kysely);
    const result = await verifyAudit(t.db, null);
    expect(result.problem).toMatchObject({ kind: 'altered', position: base + 4, seq: base + 4 });
  });

  it('finds a deleted entry by position', async () => {
    await sql`DELETE FROM audit_log WHERE seq = ${base + 3}`.execute(t.db.kysely);
    const result = await verifyAudit(t.db, null);
    expect(result.problem).toMatchObject({ kind: 'deleted', position: base + 3, seq: base + 4 });
  });

  it('finds a deleted entry even when the positions were renumbered to hide the gap', async () => {
    await sql`DELETE FROM audit_log WHERE seq = ${base + 3}`.execute(t.db.kysely);
    await sql`UPDATE audit_log SET seq = seq + 1000 WHERE seq > ${base + 3}`.execute(t.db.kysely);
    await sql`UPDATE audit_log SET seq = seq - 1001 WHERE seq > 1000`.execute(t.db.kysely);
    await sql`UPDATE audit_head SET seq = ${base + 5}`.execute(t.db.kysely);
    const result = await verifyAudit(t.db, null);
    expect(result.problem).toMatchObject({ kind: 'deleted', position: base + 3 });
  });

  it('finds reordered entries', async () => {
    await sql`UPDATE audit_log SET seq = 1000 WHERE seq = ${base + 2}`.execute(t.db.kysely);
    await sql`UPDATE audit_log SET seq = ${base + 2} WHERE seq = ${base + 5}`.execute(t.db.kysely);
    await sql`UPDATE audit_log SET seq = ${base + 5} WHERE seq = 1000`.execute(t.db.kysely);
    const result = await verifyAudit(t.db, null);
    expect(result.problem).toMatchObject({ kind: 'reordered', position: base + 2 });
  });

  it('finds entries cut from the end', async () => {
    await sql`DELETE FROM audit_log WHERE seq = ${base + 6}`.execute(t.db.kysely);
    const result = await verifyAudit(t.db, null);
    expect(result.problem).toMatchObject({ kind: 'truncated', seq: base + 6 });
  });

  it('detects a consistent rewrite of the whole table through the checkpoints', async () => {
    await checkpointAudit(t.db, t.config.auditCheckpointFile);
    // Rebuild the whole chain with one entry changed: every hash consistent again.
    await sql`DELETE FROM audit_log`.execute(t.db.kysely);
    await sql`UPDATE audit_head SET seq = 0, hash = ${'0'.repeat(64)}`.execute(t.db.kysely);
    await appendMany(t, base + 6);
    const withoutCheckpoints = await verifyAudit(t.db, null);
    expect(withoutCheckpoints.ok).toBe(true);
    const result = await verifyAudit(t.db, t.config.auditCheckpointFile);
    expect(result.problem).toMatchObject({ kind: 'rewritten', seq: base + 6 });
  });

  it('serialises concurrent appends into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction((tx) => appendAudit(tx, systemCaller('c'), { action: 'test.concurrent', detail: { i } })),
      ),
    );
    expect(await verifyAudit(t.db, null)).toMatchObject({ ok: true, entries: base + 26 });
  });

  it('lists the entries of a range of Beijing days, both ends included', async () => {
    // Six entries at the edges of 1 and 2 March 2026 in Beijing (UTC+8).
    const instants = [
      '2026-02-28T15:59:59.999Z', // 28 Feb, 23:59:59.999 in Beijing
      '2026-02-28T16:00:00.000Z', // 1 Mar, 00:00
      '2026-03-01T10:00:00.000Z', // 1 Mar, 18:00
      '2026-03-01T16:00:00.000Z', // 2 Mar, 00:00
      '2026-03-02T15:59:59.999Z', // 2 Mar, 23:59:59.999
      '2026-03-02T16:00:00.000Z', // 3 Mar, 00:00
    ];
    for (const [i, at] of instants.entries()) {
      await sql`UPDATE audit_log SET at = ${at} WHERE seq = ${base + i + 1}`.execute(t.db.kysely);
    }
    const seqs = async (range: { from?: string; to?: string }) =>
      (await listAudit(t.db.kysely, { action: 'test.write', ...range })).map((e) => e.seq - base);
    expect(await seqs({ from: '2026-03-01', to: '2026-03-02' })).toEqual([5, 4, 3, 2]);
    expect(await seqs({ from: '2026-03-02', to: '2026-03-02' })).toEqual([5, 4]);
    expect(await seqs({ from: '2026-03-02' })).toEqual([6, 5, 4]);
    expect(await seqs({ to: '2026-02-28' })).toEqual([1]);
  });

  it('`xinyong audit verify` reports the tampered position and exits non-zero', async () => {
    await sql`UPDATE audit_log SET actor_name = 'mallory' WHERE seq = ${base + 5}`.execute(t.db.kysely);
    const cli = path.resolve(import.meta.dirname, '../../../bin/xinyong.js');
    const env = { ...process.env, ...t.cliEnv };
    const result = await run(process.execPath, [cli, 'audit', 'verify', '--json'], { env }).catch(
      (e: { stdout: string; code: number }) => e,
    );
    expect((result as { code?: number }).code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, problem: { kind: 'altered', position: base + 5 } });
  });
});

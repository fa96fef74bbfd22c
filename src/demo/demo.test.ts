import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDeps, type TestDeps } from '../platform/testing';
import { checkIdentifier } from '../modules/subjects';
import { loadDemo } from '.';

describe('demo district', () => {
  let t: TestDeps;
  beforeAll(async () => {
    t = await createTestDeps();
    await loadDemo(t, { subjects: 3000, records: 2500 });
  }, 120_000);
  afterAll(() => t.cleanup());

  it('holds subjects whose every identifier passes its check', async () => {
    const rows = await sql<{ uscc: string | null; registration_number: string | null }>`
      SELECT uscc, registration_number FROM subjects`.execute(t.db.kysely);
    expect(rows.rows).toHaveLength(3000);
    for (const r of rows.rows) {
      if (r.uscc) expect(checkIdentifier(r.uscc, { kind: 'uscc' }).valid, r.uscc).toBe(true);
      if (r.registration_number) expect(checkIdentifier(r.registration_number).valid).toBe(true);
    }
  });

  it('looks alive: on-time, late, overdue, expired, withdrawn and unmatched records, natural persons among them', async () => {
    const stats = await sql<{ status: string; timeliness: string | null; n: number; unmatched: number }>`
      SELECT status, timeliness, count(*) AS n, sum(CASE WHEN subject_id IS NULL THEN 1 ELSE 0 END) AS unmatched
      FROM records GROUP BY status, timeliness`.execute(t.db.kysely);
    const count = (f: (r: { status: string; timeliness: string | null }) => boolean) =>
      stats.rows.filter(f).reduce((s, r) => s + Number(r.n), 0);
    expect(count((r) => r.timeliness === 'on_time')).toBeGreaterThan(1000);
    expect(count((r) => r.timeliness === 'late')).toBeGreaterThan(10);
    expect(count((r) => r.timeliness === 'overdue')).toBeGreaterThan(0);
    expect(count((r) => r.status === 'expired')).toBeGreaterThan(0);
    expect(count((r) => r.status === 'withdrawn')).toBeGreaterThan(0);
    expect(stats.rows.reduce((s, r) => s + Number(r.unmatched), 0)).toBeGreaterThan(0);
    const persons = await sql<{ n: number }>`
      SELECT count(*) AS n FROM records r JOIN subjects s ON s.id = r.subject_id WHERE s.kind = 'natural_person'`.execute(
      t.db.kysely,
    );
    expect(Number(persons.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('has submissions through ingest, with wrong identifiers, repeats and later corrections', async () => {
    const rejections = await sql<{ errors: string }>`SELECT errors FROM ingest_rejections`.execute(t.db.kysely);
    const codes = rejections.rows.flatMap((r) => (JSON.parse(r.errors) as { code: string }[]).map((e) => e.code));
    expect(codes.some((c) => c.startsWith('identifier.'))).toBe(true);
    expect(codes.some((c) => c.includes('duplicate_in_file'))).toBe(true);
    const batches = await sql<{ n: number; created: number }>`
      SELECT count(*) AS n, sum(rows_created) AS created FROM ingest_batches WHERE status = 'committed'`.execute(
      t.db.kysely,
    );
    expect(Number(batches.rows[0]!.n)).toBeGreaterThanOrEqual(6);
    expect(Number(batches.rows[0]!.created)).toBeGreaterThan(100);
  });

  it('is deterministic: the same seed builds the same district', async () => {
    const other = await createTestDeps();
    try {
      await loadDemo(other, { subjects: 200 });
      const names = async (d: TestDeps) =>
        (await sql<{ name: string }>`SELECT name FROM subjects ORDER BY uscc LIMIT 200`.execute(d.db.kysely)).rows.map(
          (r) => r.name,
        );
      const first200 = (
        await sql<{ uscc: string }>`SELECT uscc FROM subjects ORDER BY uscc`.execute(other.db.kysely)
      ).rows.map((r) => r.uscc);
      const inMain = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM subjects WHERE uscc IN (${sql.join(first200.filter(Boolean))})`.execute(t.db.kysely);
      expect(Number(inMain.rows[0]!.n)).toBe(first200.filter(Boolean).length);
      expect((await names(other)).length).toBe(200);
    } finally {
      await other.cleanup();
    }
  });
});

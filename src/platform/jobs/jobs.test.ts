import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDeps, type TestDeps } from '../testing';
import { enqueueJob, runDueJobs } from '.';

describe('jobs', () => {
  let t: TestDeps;
  beforeAll(async () => {
    t = await createTestDeps();
  });
  afterAll(() => t.cleanup());

  it('runs due jobs once, skips future ones, and dedupes by key', async () => {
    const seen: unknown[] = [];
    expect(await enqueueJob(t.db.kysely, 'test.echo', { n: 1 }, { dedupeKey: 'echo-1' })).toBe(true);
    expect(await enqueueJob(t.db.kysely, 'test.echo', { n: 1 }, { dedupeKey: 'echo-1' })).toBe(false);
    await enqueueJob(t.db.kysely, 'test.echo', { n: 2 }, { runAt: new Date(Date.now() + 3_600_000) });
    const handlers = new Map([['test.echo', async (p: Record<string, unknown>) => void seen.push(p.n)]]);
    expect(await runDueJobs(t.db, handlers, t.logger)).toBe(1);
    expect(await runDueJobs(t.db, handlers, t.logger)).toBe(0);
    expect(seen).toEqual([1]);
  });

  it('retries a failing job with backoff and records the error', async () => {
    await enqueueJob(t.db.kysely, 'test.fail', {});
    const handlers = new Map([['test.fail', async () => Promise.reject(new Error('boom'))]]);
    await runDueJobs(t.db, handlers, t.logger);
    const row = await sql<{
      status: string;
      attempts: number;
      last_error: string;
      run_at: string;
    }>`SELECT status, attempts, last_error, run_at FROM jobs WHERE name = 'test.fail'`.execute(t.db.kysely);
    expect(row.rows[0]).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom' });
    expect(row.rows[0]!.run_at > new Date().toISOString()).toBe(true);
  });

  it('does not lose a job enqueued in a transaction that rolls back — it never existed', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.rollback', {});
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const row = await sql<{ n: number }>`SELECT count(*) AS n FROM jobs WHERE name = 'test.rollback'`.execute(
      t.db.kysely,
    );
    expect(Number(row.rows[0]!.n)).toBe(0);
  });
});

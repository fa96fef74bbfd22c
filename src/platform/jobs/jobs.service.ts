import { sql } from 'kysely';
import { Cron } from 'croner';
import type { Db, Executor } from '../db';
import { isUniqueViolation, tables } from '../db';
import { newId, nowIso } from '../ids';
import type { Logger } from '../logging';

interface JobsTable {
  id: string;
  name: string;
  payload: string;
  dedupe_key: string | null;
  run_at: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

const jobsDb = (executor: Executor) => tables<{ jobs: JobsTable }>(executor);

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface EnqueueOptions {
  readonly runAt?: Date;
  /** A second enqueue with the same key is a no-op. */
  readonly dedupeKey?: string;
}

/** Adds a job in the caller's transaction (the outbox pattern): it exists iff the write does. */
export async function enqueueJob(
  executor: Executor,
  name: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<boolean> {
  try {
    await jobsDb(executor)
      .insertInto('jobs')
      .values({
        id: newId(),
        name,
        payload: JSON.stringify(payload),
        dedupe_key: options.dedupeKey ?? null,
        run_at: (options.runAt ?? new Date()).toISOString(),
        status: 'queued',
        attempts: 0,
        max_attempts: 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: nowIso(),
        finished_at: null,
      })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

const LEASE_MS = 5 * 60_000;

/**
 * Claims due jobs. PostgreSQL: FOR UPDATE SKIP LOCKED, so N instances share
 * the queue; SQLite: the single writer makes the claim transaction exclusive.
 * An expired lease (a crashed worker) makes a running job claimable again.
 */
async function claim(db: Db, worker: string, limit: number): Promise<JobsTable[]> {
  return db.transaction(async (tx) => {
    const now = nowIso();
    let query = jobsDb(tx)
      .selectFrom('jobs')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit);
    if (db.helpers.supportsSkipLocked) query = query.forUpdate().skipLocked();
    const due = await query.execute();
    if (due.length === 0) return [];
    await jobsDb(tx)
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: worker,
        locked_until: new Date(Date.now() + LEASE_MS).toISOString(),
        attempts: sql<number>`attempts + 1`,
      })
      .where(
        'id',
        'in',
        due.map((j) => j.id),
      )
      .execute();
    return due;
  });
}

/** Runs every due job once; returns how many ran. Failures retry with backoff. */
export async function runDueJobs(
  db: Db,
  handlers: ReadonlyMap<string, JobHandler>,
  logger: Logger,
  worker = `worker-${process.pid}`,
): Promise<number> {
  let ran = 0;
  for (;;) {
    const batch = await claim(db, worker, 20);
    if (batch.length === 0) return ran;
    for (const job of batch) {
      ran += 1;
      const handler = handlers.get(job.name);
      try {
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler(JSON.parse(job.payload) as Record<string, unknown>);
        await jobsDb(db.kysely)
          .updateTable('jobs')
          .set({ status: 'done', finished_at: nowIso(), locked_by: null, locked_until: null })
          .where('id', '=', job.id)
          .execute();
      } catch (error) {
        const attempts = job.attempts + 1;
        const failed = attempts >= job.max_attempts;
        logger.warn({ job: job.name, id: job.id, err: error }, 'job failed');
        await jobsDb(db.kysely)
          .updateTable('jobs')
          .set({
            status: failed ? 'failed' : 'queued',
            last_error: String((error as Error).message ?? error).slice(0, 2000),
            run_at: new Date(Date.now() + 2 ** attempts * 1000).toISOString(),
            locked_by: null,
            locked_until: null,
          })
          .where('id', '=', job.id)
          .execute();
      }
    }
  }
}

export interface Schedule {
  readonly name: string;
  /** Cron pattern, evaluated in Asia/Shanghai (legal dates are local). */
  readonly pattern: string;
  readonly handler: JobHandler;
}

export interface JobRunner {
  stop(): void;
}

/**
 * Starts the schedules and the polling worker. Each schedule slot enqueues
 * with a dedupe key, so N instances behind a load balancer run it once.
 */
export function startJobRunner(db: Db, schedules: readonly Schedule[], logger: Logger, pollMs = 5000): JobRunner {
  const handlers = new Map(schedules.map((s) => [s.name, s.handler]));
  const crons = schedules.map(
    (s) =>
      new Cron(s.pattern, { timezone: 'Asia/Shanghai', protect: true }, async () => {
        const slot = new Date();
        slot.setSeconds(0, 0);
        await enqueueJob(db.kysely, s.name, {}, { dedupeKey: `${s.name}@${slot.toISOString()}` });
      }),
  );
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueJobs(db, handlers, logger)
      .catch((error: unknown) => logger.error({ err: error }, 'job runner failed'))
      .finally(() => {
        running = false;
      });
  }, pollMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      for (const c of crons) c.stop();
    },
  };
}

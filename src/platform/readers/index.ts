/**
 * platform/readers: public reads on reader threads.
 *
 * One Node.js event loop serves every request of the platform. The public
 * website's reads (search, entity pages) are most of its traffic, and each
 * spends most of its time in SQLite and in building its answer, all on that
 * one loop. A reader thread has its own read-only connection to the same
 * database file and runs a module's read task there, returning the answer
 * already serialized, so the main loop only parses, routes and writes. WAL
 * lets the readers read while the main connection writes; every read starts
 * from the last commit, so a reader sees what the main thread has written.
 *
 * A task is a module's service call and the response schema its route
 * declares (the same zod encoding Fastify applies, so the answer is the same
 * byte for byte). Without a pool (PostgreSQL, tests, `XINYONG_READERS=0`)
 * the same task runs on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldError, type LocalizedText } from '../errors';
import type { AppDeps } from '../module';

/** A read a reader thread can run: `run` returns what the route answers, `response` is the route's 200 schema. */
export interface ReadTask {
  readonly response: z.ZodType;
  run(deps: AppDeps, args: readonly unknown[]): Promise<unknown>;
}

export type ReadTasks = Readonly<Record<string, ReadTask>>;

/** An answer a reader thread has already encoded with the route's schema and serialized. */
export class SerializedJson {
  constructor(readonly json: string) {}
}

export interface Reads {
  /** Runs `task`: its result (main thread) or its JSON (reader thread). */
  run(task: string, args: readonly unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** The tasks run on the calling thread. */
export function localReads(tasks: ReadTasks, deps: AppDeps): Reads {
  return {
    run(name, args) {
      const task = tasks[name];
      if (!task) return Promise.reject(new Error(`unknown read task ${name}`));
      return task.run(deps, args);
    },
    close: async () => {},
  };
}

/** What a route returns for a read: the result for Fastify to serialize, or the reader's JSON as it is. */
export async function answerRead<T>(
  reply: FastifyReply,
  reads: Reads,
  task: string,
  args: readonly unknown[],
): Promise<T> {
  const result = await reads.run(task, args);
  if (!(result instanceof SerializedJson)) return result as T;
  return reply.type('application/json; charset=utf-8').send(result.json) as unknown as T;
}

/**
 * Reader threads for a platform on SQLite: `XINYONG_READERS` of them, by
 * default one when the machine has a second core (two readers and the main
 * loop on two cores measured slower than one: they take turns on the cores).
 */
export function readerCount(deps: Pick<AppDeps, 'db'>, env: NodeJS.ProcessEnv = process.env): number {
  if (deps.db.dialect !== 'sqlite') return 0;
  if (env.XINYONG_READERS !== undefined) return Math.max(0, Math.min(16, Number(env.XINYONG_READERS) || 0));
  return availableParallelism() >= 2 ? 1 : 0;
}

/** Messages between the pool and a reader thread. */
export type ToReader = { readonly id: number; readonly task: string; readonly args: readonly unknown[] };
export type FromReader =
  | { readonly ready: true }
  | { readonly id: number; readonly json: string }
  | { readonly id: number; readonly failure: TransportedError };

interface TransportedError {
  readonly message: string;
  readonly app?: {
    readonly code: string;
    readonly status: number;
    readonly text: LocalizedText;
    readonly details?: Record<string, unknown>;
    readonly errors?: readonly FieldError[];
  };
}

export function transportError(error: unknown): TransportedError {
  if (error instanceof AppError)
    return {
      message: error.message,
      app: {
        code: error.code,
        status: error.status,
        text: error.text,
        ...(error.details ? { details: error.details } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
      },
    };
  return { message: error instanceof Error ? error.message : String(error) };
}

function receivedError(failure: TransportedError): Error {
  if (!failure.app) return new Error(`reader thread: ${failure.message}`);
  const { code, status, text, details, errors } = failure.app;
  return new AppError(code, status, text, { ...(details ? { details } : {}), ...(errors ? { errors } : {}) });
}

interface Reader {
  worker: Worker;
  /** Its thread died and could not be started again (retried every RETRY_MS). */
  broken: boolean;
  readonly pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
}

/** How long a reader thread that could not be started again waits before the next try. */
const RETRY_MS = 5_000;

/**
 * Starts `size` reader threads running `entry` (a module that calls
 * `serveReads`), each given `workerData`; resolves once all are ready. A
 * reader that dies fails its reads in flight and is replaced.
 */
export async function createReaderPool(entry: URL, size: number, workerData: unknown): Promise<Reads> {
  let seq = 0;
  let closing = false;
  const readers: Reader[] = [];

  // Reads sent while a new thread starts wait in its message queue; a thread that cannot start is
  // passed over (its reads go to the others, or fail at once) and tried again later.
  const restart = (reader: Reader): void => {
    start(reader).then(
      () => (reader.broken = false),
      () => {
        reader.broken = true;
        for (const call of reader.pending.values()) call.reject(new Error('reader thread cannot start'));
        reader.pending.clear();
        if (!closing) setTimeout(() => !closing && restart(reader), RETRY_MS).unref();
      },
    );
  };

  const start = (reader: Reader): Promise<void> =>
    new Promise((ready, failed) => {
      const worker = new Worker(entry, { workerData });
      reader.worker = worker;
      let started = false;
      worker.on('message', (message: FromReader) => {
        if ('ready' in message) {
          started = true;
          return ready();
        }
        const call = reader.pending.get(message.id);
        if (!call) return;
        reader.pending.delete(message.id);
        if ('json' in message) call.resolve(new SerializedJson(message.json));
        else call.reject(receivedError(message.failure));
      });
      const lost = (why: string) => {
        for (const call of reader.pending.values()) call.reject(new Error(`reader thread ${why}`));
        reader.pending.clear();
        if (!started) return failed(new Error(`reader thread ${why} while starting`));
        if (!closing) restart(reader);
      };
      worker.on('error', (error) => lost(`failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (reader.worker === worker) lost(`exited (${code})`);
      });
    });

  try {
    await Promise.all(
      Array.from({ length: size }, () => {
        const reader: Reader = { worker: undefined as unknown as Worker, broken: false, pending: new Map() };
        readers.push(reader);
        return start(reader);
      }),
    );
  } catch (error) {
    closing = true;
    await Promise.all(readers.map((r) => r.worker?.terminate()));
    throw error;
  }

  return {
    run(task, args) {
      // The working reader with the fewest reads in flight.
      let reader: Reader | undefined;
      for (const r of readers) if (!r.broken && (!reader || r.pending.size < reader.pending.size)) reader = r;
      if (!reader) return Promise.reject(new Error('no reader thread is running'));
      const chosen = reader;
      const id = ++seq;
      return new Promise((resolve, reject) => {
        chosen.pending.set(id, { resolve, reject });
        chosen.worker.postMessage({ id, task, args } satisfies ToReader);
      });
    },
    async close() {
      closing = true;
      await Promise.all(readers.map((r) => r.worker.terminate()));
    },
  };
}

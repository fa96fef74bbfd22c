import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { BatchResult } from './ingest.service';
import type { BatchProgress } from './ingest.progress';

/** One line of an upload's NDJSON answer (`?progress=stream`). */
export type StreamLine =
  | { type: 'started'; batchId: string }
  | { type: 'progress'; batchId: string; rowsRead: number; accepted: number; rejected: number; phase: string }
  | { type: 'result'; httpStatus: number; batch: BatchResult }
  | { type: 'error'; code: string; zh: string; en: string };

/** At most this often a progress line (and always at a phase change). */
const PROGRESS_EVERY_MS = 200;

/**
 * Streams a running batch's progress in the upload's own answer. The status
 * endpoint cannot serve this on SQLite: the batch transaction holds the one
 * connection, so any request that reads the database (even the session
 * check) waits for the commit. Progress lives in memory and needs none.
 */
export class BatchProgressStream {
  private readonly out = new PassThrough();
  private batchId: string | null = null;
  private lastAt = 0;
  private lastPhase = '';

  /** Forwarded by runBatch's `onProgress` hook; throttled. */
  readonly onProgress = (progress: BatchProgress): void => {
    if (!this.batchId) return;
    const now = Date.now();
    if (progress.phase === this.lastPhase && now - this.lastAt < PROGRESS_EVERY_MS) return;
    this.lastAt = now;
    this.lastPhase = progress.phase;
    this.write({
      type: 'progress',
      batchId: this.batchId,
      rowsRead: progress.rowsRead,
      accepted: progress.accepted,
      rejected: progress.rejected,
      phase: progress.phase,
    });
  };

  /** Starts the answer (200, NDJSON) once the batch exists; errors before this go out as problems. */
  start(reply: FastifyReply, batchId: string): FastifyReply {
    this.batchId = batchId;
    this.write({ type: 'started', batchId });
    return (
      reply
        .status(200)
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        // Proxies (nginx) would otherwise hold the lines back until the end.
        .header('x-accel-buffering', 'no')
        .send(this.out)
    );
  }

  /** Ends the answer with the batch, or with what went wrong once it had started. */
  finish(run: Promise<BatchResult>, log: FastifyBaseLogger): void {
    run.then(
      (batch) => {
        this.write({ type: 'result', httpStatus: batch.status === 'committed' ? 200 : 422, batch });
        this.out.end();
      },
      (error: unknown) => {
        log.error({ err: error }, 'streamed batch failed');
        this.write({
          type: 'error',
          code: 'ingest.internal',
          zh: '处理批次时出错，请稍后重试',
          en: 'The batch could not be processed; try again later',
        });
        this.out.end();
      },
    );
  }

  private write(line: StreamLine): void {
    this.out.write(`${JSON.stringify(line)}\n`);
  }
}

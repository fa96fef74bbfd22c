import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { AppDeps } from '../../platform/module';
import type { Caller } from '../../platform/context';
import { hasPermission } from '../../platform/context';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation } from '../../platform/db';
import { newId, nowIso } from '../../platform/ids';
import { forbidden } from '../../platform/errors';
import { getCatalogItem } from '../catalog';
import { listDepartments } from '../identity';
import { recordsEnv, upsertRecords, type RecordsEnv } from '../records';
import * as repo from './ingest.repository';
import type { IngestBatchesTable } from './ingest.repository';
import {
  checkSource,
  type BatchSource,
  type CheckedSource,
  type RowError,
  type IngestContext,
} from './ingest.pipeline';
import { endProgress, startProgress, type BatchProgress } from './ingest.progress';
import { batchNotFound, itemRetired, notProvider, otherDepartment } from './ingest.errors';

export type BatchMode = 'valid_rows' | 'all_or_nothing';
export type Channel = 'api' | 'file' | 'form' | 'cli';

export interface BatchRequest {
  readonly itemCode: string;
  /** The submitting department; defaults to the caller's own. */
  readonly departmentCode?: string | null;
  readonly mode: BatchMode;
  readonly channel: Channel;
  readonly idempotencyKey?: string | null;
  readonly source: BatchSource;
}

export interface BatchWarning {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface BatchResult {
  readonly batchId: string;
  readonly status: IngestBatchesTable['status'];
  readonly itemCode: string;
  readonly itemVersion: number;
  readonly departmentCode: string;
  readonly mode: BatchMode;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly created: number;
  readonly corrected: number;
  readonly unchanged: number;
  readonly warnings: BatchWarning[];
  readonly failure: { code: string; zh: string; en: string } | null;
  /** The first rejected rows' errors; the full list is in the error report. */
  readonly errors: (RowError & { row: number })[];
  readonly errorsTruncated: boolean;
  /** True when an earlier batch with the same Idempotency-Key answered. */
  readonly replayed: boolean;
  readonly channel: string;
  readonly fileName: string | null;
  readonly fileHash: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** The records a committed batch wrote, when it is small (a form, a few JSON records). */
  readonly records?: BatchRecord[];
}

export interface BatchRecord {
  readonly row: number;
  readonly recordId: string;
  readonly outcome: 'created' | 'corrected' | 'unchanged';
}

/**
 * Rows upserted per call inside the batch transaction. Small enough that a
 * chunk's objects die young (1,000 kept ~170 MB of the heap waiting for a
 * full collection and cost 2 s of scavenges per 200,000 rows); large enough
 * that the per-call look-ups stay a small share.
 */
const CHUNK = 250;
/** Records listed in a batch's answer (enough for a form or a short JSON batch). */
const INLINE_RECORDS = 100;
/** Errors returned inline; the error report has them all. */
const INLINE_ERRORS = 200;
/** Rejected rows kept for the report of an all-or-nothing batch that is rolled back. */
const MAX_KEPT_REJECTIONS = 100_000;

class RollBack extends Error {}

const envs = new WeakMap<AppDeps, RecordsEnv>();
function recordsEnvOf(deps: AppDeps): RecordsEnv {
  let env = envs.get(deps);
  if (!env) envs.set(deps, (env = recordsEnv(deps)));
  return env;
}

async function resolveDepartment(deps: AppDeps, caller: Caller, code: string | null | undefined) {
  const departments = await listDepartments(deps.db.kysely);
  const department = code
    ? departments.find((d) => d.code === code)
    : departments.find((d) => d.id === caller.actor.departmentId);
  if (!department) {
    throw forbidden(code ? `department ${code}` : 'a department (your account has none; pass departmentCode)');
  }
  if (!hasPermission(caller.actor, '*') && department.id !== caller.actor.departmentId)
    throw otherDepartment(department.code);
  return department;
}

/**
 * Runs one batch of records through validation into the records module.
 * Atomic: the valid rows (or, in all-or-nothing mode, all rows) are written
 * in one transaction together with the batch's final status, so a process
 * killed at any moment leaves the batch either not applied (status
 * `running`, no records) or applied as a whole. Idempotent: re-submitting a
 * record creates no duplicate; a changed one becomes a new version.
 */
export interface BatchHooks {
  /** Called as rows are read and validated (about every 500 rows). */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Called once the batch exists (status `running`), before its first row is read. */
  readonly onStarted?: (batchId: string) => void;
}

export async function runBatch(
  deps: AppDeps,
  caller: Caller,
  request: BatchRequest,
  hooks: BatchHooks = {},
): Promise<BatchResult> {
  const onProgress = hooks.onProgress;
  requireSubmit(caller);
  const department = await resolveDepartment(deps, caller, request.departmentCode);
  const item = await getCatalogItem(deps.db.kysely, request.itemCode);
  if (item.status !== 'active') throw itemRetired(item.code);
  if (!item.providingDepartments.includes(department.code)) throw notProvider(department.code, item.code);

  if (request.idempotencyKey) {
    const earlier = await repo.findBatchByIdempotencyKey(deps.db.kysely, department.id, request.idempotencyKey);
    if (earlier) return { ...(await presentBatch(deps, earlier)), replayed: true };
  }

  // Reading starts now (a large file's reader thread takes about a second to start) while the
  // file is hashed and the batch recorded; a file that cannot be read fails the batch below.
  const context: IngestContext = { today: todayInShanghai(), usccAllowList: deps.config.usccAllowList };
  const opening = checkSource(item, request.source, context);
  opening.catch(() => undefined);
  const abandon = () => void opening.then((s) => s.close()).catch(() => undefined);

  const at = nowIso();
  const batchId = newId();
  let fileHash: string | null;
  try {
    fileHash = request.source.kind === 'file' ? await sha256File(request.source.path) : null;
  } catch (error) {
    abandon();
    throw error;
  }
  const batchRow: IngestBatchesTable = {
    id: batchId,
    item_code: item.code,
    item_version: item.version,
    department_id: department.id,
    department_code: department.code,
    channel: request.channel,
    mode: request.mode,
    status: 'running',
    file_name: request.source.kind === 'file' ? request.source.fileName : null,
    file_hash: fileHash,
    file_format: null,
    headers: null,
    rows_read: 0,
    rows_accepted: 0,
    rows_rejected: 0,
    rows_created: 0,
    rows_corrected: 0,
    rows_unchanged: 0,
    warnings: '[]',
    failure: null,
    idempotency_key: request.idempotencyKey ?? null,
    created_by: caller.actor.name,
    created_at: at,
    finished_at: null,
  };
  try {
    await repo.insertBatch(deps.db.kysely, batchRow);
  } catch (error) {
    abandon();
    // Two requests with one Idempotency-Key: the second answers with the first.
    if (isUniqueViolation(error) && request.idempotencyKey) {
      const earlier = await repo.findBatchByIdempotencyKey(deps.db.kysely, department.id, request.idempotencyKey);
      if (earlier) return { ...(await presentBatch(deps, earlier)), replayed: true };
    }
    throw error;
  }

  const progress = startProgress(batchId);
  const lockKey = `${department.id}:${item.code}`;
  try {
    hooks.onStarted?.(batchId);
    await repo.ensureLockRow(deps.db.kysely, lockKey, at);
  } catch (error) {
    abandon();
    throw error;
  }
  const warnings: BatchWarning[] = [];
  const kept: repo.IngestRejectionsTable[] = [];
  const inlineErrors: (RowError & { row: number })[] = [];
  const written: BatchRecord[] = [];
  const counts = { read: 0, accepted: 0, rejected: 0, created: 0, corrected: 0, unchanged: 0 };

  let source: CheckedSource | null = null;
  try {
    source = await opening;
    const { batches, format, headers } = source;
    warnings.push(...source.warnings);
    const reject = (rowNumber: number, cells: readonly string[], errors: RowError[]) => {
      counts.rejected += 1;
      progress.rejected = counts.rejected;
      for (const e of errors) if (inlineErrors.length < INLINE_ERRORS) inlineErrors.push({ ...e, row: rowNumber });
      if (kept.length < MAX_KEPT_REJECTIONS)
        kept.push({
          batch_id: batchId,
          row_number: rowNumber,
          cells: JSON.stringify(cells),
          errors: JSON.stringify(errors),
        });
    };

    await deps.db.helpers.withBulkWrite(deps.db.kysely, () =>
      deps.db.transaction(async (tx) => {
        await repo.takeLock(tx, lockKey, at);
        let chunk: { rowNumber: number; payload: Record<string, unknown> }[] = [];
        const flush = async () => {
          if (chunk.length === 0) return;
          const outcomes = await upsertRecords(
            tx,
            caller,
            {
              itemCode: item.code,
              itemVersion: item.version,
              departmentCode: department.code,
              batchId,
              fileHash,
              channel: request.channel,
              rows: chunk,
              auditedByCaller: true,
            },
            recordsEnvOf(deps),
          );
          for (const o of outcomes) {
            counts[o.outcome] += 1;
            if (written.length < INLINE_RECORDS)
              written.push({ row: o.rowNumber, recordId: o.recordId, outcome: o.outcome });
            // A deadline that crossed a year without holiday data must be seen, not silently counted.
            for (const w of o.warnings ?? []) {
              const code = `${w.code}:${w.year}`;
              if (!warnings.some((x) => x.code === code)) warnings.push({ code, zh: w.message.zh, en: w.message.en });
            }
          }
          chunk = [];
        };
        for await (const rows of batches) {
          for (const row of rows) {
            counts.read += 1;
            progress.rowsRead = counts.read;
            if ('errors' in row) {
              reject(row.rowNumber, row.cells, row.errors);
            } else {
              counts.accepted += 1;
              progress.accepted = counts.accepted;
              // An all-or-nothing batch that already failed still validates every row for the report.
              if (request.mode === 'valid_rows' || counts.rejected === 0)
                chunk.push({ rowNumber: row.rowNumber, payload: row.payload });
            }
            if (chunk.length >= CHUNK) await flush();
            if (counts.read % 500 === 0) onProgress?.(progress);
          }
        }
        await flush();
        progress.phase = 'committing';
        onProgress?.(progress);
        if (request.mode === 'all_or_nothing' && counts.rejected > 0) throw new RollBack();
        await repo.insertRejections(tx, kept);
        await repo.updateBatch(tx, batchId, {
          status: 'committed',
          file_format: format,
          headers: JSON.stringify(headers),
          ...finalCounts(counts, warnings),
        });
        await appendAudit(tx, caller, {
          action: 'ingest.batch.commit',
          targetType: 'ingest_batch',
          targetId: batchId,
          detail: { item: item.code, department: department.code, channel: request.channel, fileHash, ...counts },
        });
      }),
    );
  } catch (error) {
    if (error instanceof RollBack) {
      await deps.db.transaction(async (tx) => {
        await repo.insertRejections(tx, kept);
        await repo.updateBatch(tx, batchId, {
          status: 'rejected',
          ...finalCounts({ ...counts, created: 0, corrected: 0, unchanged: 0 }, warnings),
        });
        await appendAudit(tx, caller, {
          action: 'ingest.batch.reject',
          targetType: 'ingest_batch',
          targetId: batchId,
          detail: { item: item.code, department: department.code, rowsRead: counts.read, rejected: counts.rejected },
        });
      });
    } else {
      const failure = describeFailure(error);
      await deps.db.transaction(async (tx) => {
        await repo.updateBatch(tx, batchId, {
          status: 'failed',
          failure: JSON.stringify(failure),
          ...finalCounts(
            { read: counts.read, accepted: 0, rejected: 0, created: 0, corrected: 0, unchanged: 0 },
            warnings,
          ),
        });
        await appendAudit(tx, caller, {
          action: 'ingest.batch.fail',
          targetType: 'ingest_batch',
          targetId: batchId,
          detail: { item: item.code, department: department.code, failure: failure.code },
        });
      });
      if (!failure.expected) throw error;
    }
  } finally {
    await source?.close();
    progress.phase = 'done';
    onProgress?.(progress);
    endProgress(batchId);
  }
  const stored = await repo.findBatch(deps.db.kysely, batchId);
  const result = await presentBatch(deps, stored!);
  return {
    ...result,
    errors: inlineErrors,
    errorsTruncated: counts.rejected > 0 && inlineErrors.length >= INLINE_ERRORS,
    ...(result.status === 'committed' && counts.read <= INLINE_RECORDS ? { records: written } : {}),
  };
}

function requireSubmit(caller: Caller): void {
  if (!hasPermission(caller.actor, 'records.submit')) throw forbidden('records.submit');
}

function finalCounts(
  counts: { read: number; accepted: number; rejected: number; created: number; corrected: number; unchanged: number },
  warnings: readonly BatchWarning[],
): Partial<IngestBatchesTable> {
  return {
    rows_read: counts.read,
    rows_accepted: counts.accepted,
    rows_rejected: counts.rejected,
    rows_created: counts.created,
    rows_corrected: counts.corrected,
    rows_unchanged: counts.unchanged,
    warnings: JSON.stringify(warnings),
    finished_at: nowIso(),
  };
}

interface Failure {
  code: string;
  zh: string;
  en: string;
  expected: boolean;
}

function describeFailure(error: unknown): Failure {
  const e = error as { code?: unknown; text?: { zh: string; en: string } };
  if (typeof e.code === 'string' && e.text) return { code: e.code, zh: e.text.zh, en: e.text.en, expected: true };
  return {
    code: 'ingest.internal',
    zh: '处理批次时出错，请稍后重试',
    en: 'The batch could not be processed; try again later',
    expected: false,
  };
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB reads: the default 64 KiB makes hashing a 500 MB file three times slower.
  for await (const chunk of createReadStream(path, { highWaterMark: 2 ** 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Today's legal date in Asia/Shanghai. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function presentBatch(deps: AppDeps, row: IngestBatchesTable): Promise<BatchResult> {
  const firstRejections = await repo.rejectionsOf(deps.db.kysely, row.id, 0, 50);
  const errors = firstRejections.flatMap((r) =>
    (JSON.parse(r.errors) as RowError[]).map((e) => ({ ...e, row: r.row_number })),
  );
  return {
    ...summarizeBatch(row),
    errors: errors.slice(0, INLINE_ERRORS),
    errorsTruncated: row.rows_rejected > firstRejections.length,
  };
}

/** A batch without its errors (a history list): no query, `errorsTruncated` when it has any. */
export function summarizeBatch(row: IngestBatchesTable): BatchResult {
  const failure = row.failure ? (JSON.parse(row.failure) as Failure) : null;
  return {
    batchId: row.id,
    status: row.status,
    itemCode: row.item_code,
    itemVersion: row.item_version,
    departmentCode: row.department_code,
    mode: row.mode,
    rowsRead: row.rows_read,
    accepted: row.rows_accepted,
    rejected: row.rows_rejected,
    created: row.rows_created,
    corrected: row.rows_corrected,
    unchanged: row.rows_unchanged,
    warnings: JSON.parse(row.warnings) as BatchWarning[],
    failure: failure ? { code: failure.code, zh: failure.zh, en: failure.en } : null,
    errors: [],
    errorsTruncated: row.rows_rejected > 0,
    replayed: false,
    channel: row.channel,
    fileName: row.file_name,
    fileHash: row.file_hash,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** A batch as its submitter sees it: a department sees only its own batches. */
export async function getBatch(deps: AppDeps, caller: Caller, id: string): Promise<IngestBatchesTable> {
  const row = await repo.findBatch(deps.db.kysely, id);
  if (!row || (!hasPermission(caller.actor, '*') && row.department_id !== caller.actor.departmentId))
    throw batchNotFound(id);
  return row;
}

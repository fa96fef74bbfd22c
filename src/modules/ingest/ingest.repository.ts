import { tables, type Executor } from '../../platform/db';

export interface IngestBatchesTable {
  id: string;
  item_code: string;
  item_version: number;
  department_id: string;
  department_code: string;
  channel: string;
  mode: 'valid_rows' | 'all_or_nothing';
  status: 'running' | 'committed' | 'rejected' | 'failed';
  file_name: string | null;
  file_hash: string | null;
  file_format: string | null;
  headers: string | null;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rows_created: number;
  rows_corrected: number;
  rows_unchanged: number;
  warnings: string;
  failure: string | null;
  idempotency_key: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

export interface IngestRejectionsTable {
  batch_id: string;
  row_number: number;
  cells: string;
  errors: string;
}

export interface IngestLocksTable {
  lock_key: string;
  locked_at: string;
}

interface IngestTables {
  ingest_batches: IngestBatchesTable;
  ingest_rejections: IngestRejectionsTable;
  ingest_locks: IngestLocksTable;
}

const db = (executor: Executor) => tables<IngestTables>(executor);

export async function insertBatch(executor: Executor, row: IngestBatchesTable): Promise<void> {
  await db(executor).insertInto('ingest_batches').values(row).execute();
}

export async function updateBatch(executor: Executor, id: string, patch: Partial<IngestBatchesTable>): Promise<void> {
  await db(executor).updateTable('ingest_batches').set(patch).where('id', '=', id).execute();
}

export async function findBatch(executor: Executor, id: string): Promise<IngestBatchesTable | undefined> {
  return db(executor).selectFrom('ingest_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBatchByIdempotencyKey(
  executor: Executor,
  departmentId: string,
  key: string,
): Promise<IngestBatchesTable | undefined> {
  return db(executor)
    .selectFrom('ingest_batches')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function listBatches(
  executor: Executor,
  filter: { departmentId?: string; limit: number; before?: string },
): Promise<IngestBatchesTable[]> {
  let q = db(executor).selectFrom('ingest_batches').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.before) q = q.where('id', '<', filter.before);
  return q.execute();
}

export async function insertRejections(executor: Executor, rows: readonly IngestRejectionsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db(executor)
      .insertInto('ingest_rejections')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function rejectionsOf(
  executor: Executor,
  batchId: string,
  after: number,
  limit: number,
): Promise<IngestRejectionsTable[]> {
  return db(executor)
    .selectFrom('ingest_rejections')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

/** Makes sure the lock row exists (outside the batch transaction). */
export async function ensureLockRow(executor: Executor, key: string, at: string): Promise<void> {
  await db(executor)
    .insertInto('ingest_locks')
    .values({ lock_key: key, locked_at: at })
    .onConflict((oc) => oc.column('lock_key').doNothing())
    .execute();
}

/** Takes the lock inside the batch transaction: an UPDATE holds the row lock until commit on PostgreSQL. */
export async function takeLock(executor: Executor, key: string, at: string): Promise<void> {
  await db(executor).updateTable('ingest_locks').set({ locked_at: at }).where('lock_key', '=', key).execute();
}

/** The only SQL over the records module's tables. */
import { sql } from 'kysely';
import { escapeLike, insertRows, type Executor } from '../../platform/db';
import {
  recordsDb,
  type NotificationsTable,
  type RecordStatus,
  type RecordVersionsTable,
  type RecordsTable,
  type Timeliness,
} from './records.tables';

const db = recordsDb;

/** Rows per multi-row insert: records have 39 columns, well under SQLite's 32,766 bound parameters. */
const RECORD_INSERT_CHUNK = 400;
const VERSION_INSERT_CHUNK = 800;
const IN_CHUNK = 900;

export async function findByKeys(
  executor: Executor,
  departmentId: string,
  itemCode: string,
  keys: readonly string[],
): Promise<RecordsTable[]> {
  const out: RecordsTable[] = [];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    out.push(
      ...(await db(executor)
        .selectFrom('records')
        .selectAll()
        .where('department_id', '=', departmentId)
        .where('item_code', '=', itemCode)
        .where('record_key', 'in', unique.slice(i, i + IN_CHUNK))
        .execute()),
    );
  }
  return out;
}

/** Every column of a table, checked against its row type: a column added to the type must be listed here. */
function allColumns<T>() {
  return <const C extends readonly (keyof T & string)[]>(
    columns: C & ([Exclude<keyof T, C[number]>] extends [never] ? unknown : 'a column is missing'),
  ): C => columns;
}

export const RECORD_COLUMNS = allColumns<RecordsTable>()([
  'id',
  'item_code',
  'item_version',
  'department_id',
  'department_code',
  'record_key',
  'subject_id',
  'match_method',
  'subject_type',
  'subject_name',
  'subject_uscc',
  'subject_org_code',
  'subject_registration_number',
  'subject_id_hash',
  'subject_id_masked',
  'decision_date',
  'class',
  'class_source',
  'status',
  'version',
  'payload',
  'protected_payload',
  'content_hash',
  'publication_deadline',
  'published_at',
  'timeliness',
  'min_end',
  'max_end',
  'publication_ended_at',
  'revoked_on',
  'withdrawal_reason',
  'withdrawal_deadline',
  'withdrawn_at',
  'withdrawal_timeliness',
  'created_at',
  'updated_at',
]);

/** A record's values in RECORD_COLUMNS order (spelled out: a generic loop over names costs more than the insert). */
export const recordValues = (r: RecordsTable): unknown[] => [
  r.id,
  r.item_code,
  r.item_version,
  r.department_id,
  r.department_code,
  r.record_key,
  r.subject_id ?? null,
  r.match_method ?? null,
  r.subject_type ?? null,
  r.subject_name ?? null,
  r.subject_uscc ?? null,
  r.subject_org_code ?? null,
  r.subject_registration_number ?? null,
  r.subject_id_hash ?? null,
  r.subject_id_masked ?? null,
  r.decision_date ?? null,
  r.class ?? null,
  r.class_source ?? null,
  r.status,
  r.version,
  r.payload,
  r.protected_payload ?? null,
  r.content_hash,
  r.publication_deadline ?? null,
  r.published_at ?? null,
  r.timeliness ?? null,
  r.min_end ?? null,
  r.max_end ?? null,
  r.publication_ended_at ?? null,
  r.revoked_on ?? null,
  r.withdrawal_reason ?? null,
  r.withdrawal_deadline ?? null,
  r.withdrawn_at ?? null,
  r.withdrawal_timeliness ?? null,
  r.created_at,
  r.updated_at,
];

export const VERSION_COLUMNS = allColumns<RecordVersionsTable>()([
  'record_id',
  'version',
  'change',
  'payload',
  'protected_payload',
  'content_hash',
  'classification',
  'subject_id',
  'status',
  'batch_id',
  'department_id',
  'actor_kind',
  'actor_id',
  'actor_name',
  'at',
  'file_hash',
  'channel',
  'note',
]);

/** A version's values in VERSION_COLUMNS order. */
export const versionValues = (v: RecordVersionsTable): unknown[] => [
  v.record_id,
  v.version,
  v.change,
  v.payload,
  v.protected_payload ?? null,
  v.content_hash,
  v.classification ?? null,
  v.subject_id ?? null,
  v.status,
  v.batch_id ?? null,
  v.department_id,
  v.actor_kind,
  v.actor_id ?? null,
  v.actor_name,
  v.at,
  v.file_hash ?? null,
  v.channel,
  v.note ?? null,
];

export async function insertRecords(executor: Executor, rows: readonly RecordsTable[]): Promise<void> {
  await insertRows(executor, 'records', RECORD_COLUMNS, rows, recordValues, RECORD_INSERT_CHUNK);
}

export async function insertVersions(executor: Executor, rows: readonly RecordVersionsTable[]): Promise<void> {
  await insertRows(executor, 'record_versions', VERSION_COLUMNS, rows, versionValues, VERSION_INSERT_CHUNK);
}

/** Writes the next state of a record if nobody changed it since `expectedVersion` was read. */
export async function updateRecord(
  executor: Executor,
  id: string,
  expectedVersion: number,
  patch: Partial<RecordsTable>,
): Promise<boolean> {
  const result = await db(executor)
    .updateTable('records')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findRecord(executor: Executor, id: string): Promise<RecordsTable | undefined> {
  return db(executor).selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function versionsOf(executor: Executor, recordId: string): Promise<RecordVersionsTable[]> {
  return db(executor)
    .selectFrom('record_versions')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('version')
    .execute();
}

export async function countRecordsOfItem(executor: Executor, itemCode: string): Promise<number> {
  const row = await db(executor)
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_code', '=', itemCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RecordFilter {
  readonly departmentId?: string;
  readonly departmentCode?: string;
  readonly itemCode?: string;
  readonly subjectId?: string;
  readonly status?: RecordStatus;
  readonly timeliness?: Timeliness;
  /** Only records with no subject (the review queue; withdrawn records excluded). */
  readonly unmatched?: boolean;
  /** Decision date range, inclusive (`YYYY-MM-DD`). */
  readonly decidedFrom?: string;
  readonly decidedTo?: string;
  /** A piece of the subject's name as submitted, or one of its codes (USCC, organisation code, registration number) in full. */
  readonly subject?: string;
}

function filtered(executor: Executor, filter: RecordFilter) {
  let q = db(executor).selectFrom('records');
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.departmentCode) q = q.where('department_code', '=', filter.departmentCode);
  if (filter.itemCode) q = q.where('item_code', '=', filter.itemCode);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.timeliness) q = q.where('timeliness', '=', filter.timeliness);
  if (filter.unmatched) q = q.where('subject_id', 'is', null).where('status', '!=', 'withdrawn');
  if (filter.decidedFrom) q = q.where('decision_date', '>=', filter.decidedFrom);
  if (filter.decidedTo) q = q.where('decision_date', '<=', filter.decidedTo);
  if (filter.subject) {
    const term = filter.subject;
    const code = term.replace(/[\s-]/g, '').toUpperCase();
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`subject_name`, 'like', sql<string>`${`%${escapeLike(term)}%`} escape '\\'`),
        eb('subject_uscc', '=', code),
        eb('subject_org_code', '=', code.length === 9 ? `${code.slice(0, 8)}-${code.slice(8)}` : term.toUpperCase()),
        eb('subject_registration_number', '=', code),
      ]),
    );
  }
  return q;
}

/** Newest first; `beforeId` continues a page (ids are ULIDs, so id order is creation order). */
export async function listRecordRows(
  executor: Executor,
  filter: RecordFilter,
  page: { beforeId?: string; limit: number },
): Promise<RecordsTable[]> {
  let q = filtered(executor, filter).selectAll().orderBy('id', 'desc').limit(page.limit);
  if (page.beforeId) q = q.where('id', '<', page.beforeId);
  return q.execute();
}

/** How many records match `filter` (the list's total). */
export async function countRecords(executor: Executor, filter: RecordFilter): Promise<number> {
  const row = await filtered(executor, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StatsRow {
  readonly item_code: string;
  readonly status: RecordStatus;
  readonly timeliness: Timeliness | null;
  readonly unmatched: number;
  readonly n: number;
}

export async function statsRows(executor: Executor, filter: RecordFilter): Promise<StatsRow[]> {
  const rows = await filtered(executor, filter)
    .select([
      'item_code',
      'status',
      'timeliness',
      sql<number>`case when subject_id is null then 1 else 0 end`.as('unmatched'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['item_code', 'status', 'timeliness', sql`case when subject_id is null then 1 else 0 end`])
    .execute();
  return rows.map((r) => ({ ...r, unmatched: Number(r.unmatched), n: Number(r.n) }));
}

/** Records due for publication before `today` and still unpublished, counted per department. */
export async function overdueCandidates(
  executor: Executor,
  today: string,
): Promise<Array<{ department_id: string; department_code: string; n: number }>> {
  const rows = await db(executor)
    .selectFrom('records')
    .select(['department_id', 'department_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('timeliness', '=', 'pending')
    .where('publication_deadline', '<', today)
    .where('published_at', 'is', null)
    .where('status', '=', 'active')
    .groupBy(['department_id', 'department_code'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function markOverdue(executor: Executor, today: string, at: string): Promise<number> {
  const result = await db(executor)
    .updateTable('records')
    .set({ timeliness: 'overdue', updated_at: at })
    .where('timeliness', '=', 'pending')
    .where('publication_deadline', '<', today)
    .where('published_at', 'is', null)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countOverdue(executor: Executor, departmentId: string): Promise<number> {
  const row = await db(executor)
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', departmentId)
    .where('timeliness', '=', 'overdue')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Up to `limit` active records whose last day of publication is before `today`. */
export async function expiringIds(executor: Executor, today: string, limit: number): Promise<string[]> {
  const rows = await db(executor)
    .selectFrom('records')
    .select('id')
    .where('status', '=', 'active')
    .where('max_end', 'is not', null)
    .where('max_end', '<', today)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Expires the given records: an `expire` version copied from each current
 * state (INSERT … SELECT, no round trip per record), then the state itself.
 */
export async function expireRecords(
  executor: Executor,
  ids: readonly string[],
  provenance: Pick<RecordVersionsTable, 'actor_kind' | 'actor_id' | 'actor_name' | 'at'>,
): Promise<number> {
  if (ids.length === 0) return 0;
  const { at } = provenance;
  await db(executor)
    .insertInto('record_versions')
    .columns([
      'record_id',
      'version',
      'change',
      'payload',
      'protected_payload',
      'content_hash',
      'classification',
      'subject_id',
      'status',
      'batch_id',
      'department_id',
      'actor_kind',
      'actor_id',
      'actor_name',
      'at',
      'file_hash',
      'channel',
      'note',
    ])
    .expression((eb) =>
      eb
        .selectFrom('records')
        .select([
          'id',
          sql<number>`version + 1`.as('version'),
          sql.lit('expire').as('change'),
          'payload',
          'protected_payload',
          'content_hash',
          sql<null>`null`.as('classification'),
          'subject_id',
          sql.lit('expired').as('status'),
          sql<null>`null`.as('batch_id'),
          'department_id',
          sql.val(provenance.actor_kind).as('actor_kind'),
          sql.val(provenance.actor_id).as('actor_id'),
          sql.val(provenance.actor_name).as('actor_name'),
          sql.val(at).as('at'),
          sql<null>`null`.as('file_hash'),
          sql.lit('system').as('channel'),
          sql<string>`'{"maxEnd":"' || max_end || '"}'`.as('note'),
        ])
        .where('id', 'in', ids)
        .where('status', '=', 'active'),
    )
    .execute();
  const result = await db(executor)
    .updateTable('records')
    .set((eb) => ({
      status: 'expired',
      version: eb('version', '+', 1),
      publication_ended_at: eb.case().when('published_at', 'is not', null).then(at).else(null).end(),
      updated_at: at,
    }))
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertNotifications(executor: Executor, rows: readonly NotificationsTable[]): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    const result = await db(executor)
      .insertInto('notifications')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function listNotificationRows(
  executor: Executor,
  filter: { departmentId?: string; unreadOnly?: boolean },
  page: { beforeId?: string; limit: number },
): Promise<NotificationsTable[]> {
  let q = db(executor).selectFrom('notifications').selectAll().orderBy('id', 'desc').limit(page.limit);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.unreadOnly) q = q.where('read_at', 'is', null);
  if (page.beforeId) q = q.where('id', '<', page.beforeId);
  return q.execute();
}

export async function findNotification(executor: Executor, id: string): Promise<NotificationsTable | undefined> {
  return db(executor).selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markNotificationRead(executor: Executor, id: string, at: string, by: string): Promise<void> {
  await db(executor)
    .updateTable('notifications')
    .set({ read_at: at, read_by: by })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

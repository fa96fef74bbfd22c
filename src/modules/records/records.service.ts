/**
 * Credit records after they arrive: reading (with versions and provenance),
 * the review queue of unmatched records and the reviewer's link, withdrawal
 * of revoked decisions, publication after review, and the dashboard counts.
 * Every write is one transaction with its audit entry.
 */
import { appendAudit } from '../../platform/audit';
import type { Caller } from '../../platform/context';
import type { Db, Executor } from '../../platform/db';
import { getSubject } from '../subjects';
import { assertOwnDepartment, assertPermission, RECORDS_REVIEW, RECORDS_SUBMIT } from './records.access';
import { loadDeadlineCalendar } from './records.calendar';
import { addCalendarDays, shanghaiDate } from './records.dates';
import {
  alreadyWithdrawn,
  badRevocationDate,
  concurrentRecordChange,
  recordNotFound,
  subjectConflict,
} from './records.errors';
import { toRecord, toVersion, type CreditRecord, type RecordVersion } from './records.model';
import {
  countRecords,
  findRecord,
  insertVersions,
  listRecordRows,
  statsRows,
  updateRecord,
  versionsOf,
  type RecordFilter,
} from './records.repository';
import { clockOf, loadRecordsSettings, type RecordsSettings } from './records.settings';
import type {
  RecordChannel,
  RecordStatus,
  RecordVersionsTable,
  RecordsTable,
  Timeliness,
  VersionChange,
} from './records.tables';

/** Settings and clock of the services that do not get a full `RecordsEnv`. */
export interface RecordsClock {
  readonly settings: RecordsSettings;
  readonly now?: () => Date;
}

let processDefaults: RecordsClock | undefined;
const defaults = (): RecordsClock => (processDefaults ??= { settings: loadRecordsSettings() });

async function loadOrThrow(executor: Executor, id: string): Promise<RecordsTable> {
  const row = await findRecord(executor, id);
  if (!row) throw recordNotFound(id);
  return row;
}

/** Writes the next state and its version (a non-content change: same payload). */
async function writeChange(
  tx: Executor,
  caller: Caller,
  before: RecordsTable,
  patch: Partial<RecordsTable> & { updated_at: string },
  change: VersionChange,
  channel: RecordChannel | 'system',
  note: Record<string, unknown>,
): Promise<RecordsTable> {
  const after: RecordsTable = { ...before, ...patch, version: before.version + 1 };
  const { id, created_at: _c, ...rest } = after;
  if (!(await updateRecord(tx, id, before.version, rest))) throw concurrentRecordChange(id);
  const version: RecordVersionsTable = {
    record_id: id,
    version: after.version,
    change,
    payload: after.payload,
    protected_payload: after.protected_payload,
    content_hash: after.content_hash,
    classification: null,
    subject_id: after.subject_id,
    status: after.status,
    batch_id: null,
    department_id: after.department_id,
    actor_kind: caller.actor.kind,
    actor_id: caller.actor.id,
    actor_name: caller.actor.name,
    at: patch.updated_at,
    file_hash: null,
    channel,
    note: JSON.stringify(note),
  };
  await insertVersions(tx, [version]);
  return after;
}

const channelOf = (caller: Caller): RecordChannel =>
  caller.actor.kind === 'api_client' ? 'api' : caller.actor.kind === 'system' ? 'cli' : 'form';

export interface WithdrawInput {
  readonly reason: string;
  /** The date the decision was changed, revoked or found invalid. */
  readonly revokedOn: string;
}

/**
 * Withdraws a record whose decision was changed, revoked or found invalid: it
 * leaves publication at once, and the withdrawal is timed against the legal
 * deadline (revokedOn + 3 working days by default; see RecordsSettings).
 */
export async function withdrawRecord(
  db: Db,
  caller: Caller,
  recordId: string,
  input: WithdrawInput,
  clock: RecordsClock = defaults(),
): Promise<CreditRecord> {
  assertPermission(caller, RECORDS_SUBMIT);
  const now = clockOf(clock);
  const at = now.toISOString();
  const today = shanghaiDate(now);
  return db.transaction(async (tx) => {
    const before = await loadOrThrow(tx, recordId);
    assertOwnDepartment(caller, before.department_id, before.department_code);
    if (before.status === 'withdrawn') throw alreadyWithdrawn(recordId);
    if (input.revokedOn > today) throw badRevocationDate(input.revokedOn, 'future');
    if (before.decision_date && input.revokedOn < before.decision_date)
      throw badRevocationDate(input.revokedOn, 'before_decision');
    const { withdrawalDays, withdrawalDayKind } = clock.settings;
    const deadline =
      withdrawalDayKind === 'working'
        ? (await loadDeadlineCalendar(tx)).addWorkingDays(input.revokedOn, withdrawalDays).date
        : addCalendarDays(input.revokedOn, withdrawalDays);
    const timeliness = today <= deadline ? 'on_time' : 'late';
    const after = await writeChange(
      tx,
      caller,
      before,
      {
        status: 'withdrawn',
        publication_ended_at: before.published_at ? (before.publication_ended_at ?? at) : null,
        revoked_on: input.revokedOn,
        withdrawal_reason: input.reason,
        withdrawal_deadline: deadline,
        withdrawn_at: at,
        withdrawal_timeliness: timeliness,
        updated_at: at,
      },
      'withdraw',
      channelOf(caller),
      { reason: input.reason, revokedOn: input.revokedOn, deadline, timeliness },
    );
    await appendAudit(tx, caller, {
      action: 'record.withdraw',
      targetType: 'record',
      targetId: recordId,
      subjectId: before.subject_id,
      detail: {
        itemCode: before.item_code,
        departmentCode: before.department_code,
        revokedOn: input.revokedOn,
        deadline,
        timeliness,
        reason: input.reason,
      },
    });
    return toRecord(after);
  });
}

/**
 * Links a record from the review queue to a subject (a reviewer's decision,
 * audited with who and when). Refused when the subject holds a different
 * code of a kind the record gives.
 */
export async function linkSubject(db: Db, caller: Caller, recordId: string, subjectId: string): Promise<CreditRecord> {
  assertPermission(caller, RECORDS_REVIEW);
  return db.transaction(async (tx) => {
    const before = await loadOrThrow(tx, recordId);
    assertOwnDepartment(caller, before.department_id, before.department_code);
    const { subject } = await getSubject(tx, subjectId);
    if (before.subject_uscc && subject.uscc && before.subject_uscc !== subject.uscc)
      throw subjectConflict(recordId, subjectId, 'USCC');
    if (before.subject_id_hash && subject.id_number_hash && before.subject_id_hash !== subject.id_number_hash)
      throw subjectConflict(recordId, subjectId, 'ID number');
    if (before.subject_id === subjectId) return toRecord(before);
    const at = new Date().toISOString();
    const after = await writeChange(
      tx,
      caller,
      before,
      { subject_id: subjectId, match_method: 'manual', updated_at: at },
      'link_subject',
      channelOf(caller),
      { from: before.subject_id, to: subjectId, matchMethodBefore: before.match_method },
    );
    await appendAudit(tx, caller, {
      action: 'record.link_subject',
      targetType: 'record',
      targetId: recordId,
      subjectId,
      detail: { from: before.subject_id, to: subjectId, itemCode: before.item_code, recordKey: before.record_key },
    });
    return toRecord(after);
  });
}

/**
 * Publishes records held for review (when `publishOnReceipt` is off): each
 * active, unpublished record gets `published_at` and its timeliness. Returns
 * how many were published.
 */
export async function markPublished(
  tx: Executor,
  caller: Caller,
  recordIds: readonly string[],
  clock: Pick<RecordsClock, 'now'> = {},
): Promise<number> {
  assertPermission(caller, RECORDS_REVIEW);
  const now = clockOf(clock);
  const at = now.toISOString();
  const today = shanghaiDate(now);
  let published = 0;
  for (const id of new Set(recordIds)) {
    const row = await loadOrThrow(tx, id);
    assertOwnDepartment(caller, row.department_id, row.department_code);
    if (row.published_at || row.status !== 'active' || row.timeliness === null) continue;
    const timeliness = row.publication_deadline && today > row.publication_deadline ? 'late' : 'on_time';
    if (await updateRecord(tx, id, row.version, { published_at: at, timeliness, updated_at: at })) published += 1;
  }
  await appendAudit(tx, caller, {
    action: 'records.publish',
    targetType: 'record',
    detail: { requested: recordIds.length, published, firstId: recordIds[0] ?? null },
  });
  return published;
}

export interface RecordDetail {
  readonly record: CreditRecord;
  readonly versions: readonly RecordVersion[];
}

/** One record with every version and its provenance. */
export async function getRecord(executor: Executor, id: string): Promise<RecordDetail> {
  const row = await loadOrThrow(executor, id);
  return { record: toRecord(row), versions: (await versionsOf(executor, id)).map(toVersion) };
}

export interface RecordPage {
  readonly items: readonly CreditRecord[];
  readonly nextCursor: string | null;
  /** How many records match the filter in all (every page). */
  readonly total: number;
}

export interface ListRecordsFilter {
  /** Confines the list to one department (the reader's own, set by the caller's scope). */
  readonly departmentId?: string;
  readonly departmentCode?: string;
  readonly itemCode?: string;
  readonly subjectId?: string;
  readonly status?: RecordStatus;
  readonly timeliness?: Timeliness;
  /** Decision date range, inclusive. */
  readonly decidedFrom?: string;
  readonly decidedTo?: string;
  /** A piece of the subject's name, or one of its codes in full. */
  readonly subject?: string;
  readonly cursor?: string;
  readonly limit: number;
}

async function page(
  executor: Executor,
  filter: RecordFilter,
  cursor: string | undefined,
  limit: number,
): Promise<RecordPage> {
  const rows = await listRecordRows(executor, filter, { ...(cursor ? { beforeId: cursor } : {}), limit: limit + 1 });
  const items = rows.slice(0, limit).map(toRecord);
  const total = await countRecords(executor, filter);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null, total };
}

/** Records newest first, filtered; `cursor` is the `nextCursor` of the previous page. */
export async function listRecords(executor: Executor, filter: ListRecordsFilter): Promise<RecordPage> {
  const { cursor, limit, ...rest } = filter;
  return page(executor, rest, cursor, limit);
}

export interface UnmatchedFilter {
  readonly departmentId?: string;
  readonly departmentCode?: string;
  readonly itemCode?: string;
  readonly cursor?: string;
  readonly limit: number;
}

/** The review queue: records no subject could be matched to (withdrawn ones left out). */
export async function listUnmatched(executor: Executor, filter: UnmatchedFilter): Promise<RecordPage> {
  const { cursor, limit, ...rest } = filter;
  return page(executor, { ...rest, unmatched: true }, cursor, limit);
}

export interface RecordStats {
  readonly total: number;
  readonly unmatched: number;
  readonly byStatus: Record<RecordStatus, number>;
  readonly byTimeliness: Record<Timeliness | 'none', number>;
  readonly byItem: Array<{
    readonly itemCode: string;
    readonly total: number;
    readonly unmatched: number;
    readonly byStatus: Record<RecordStatus, number>;
    readonly byTimeliness: Record<Timeliness | 'none', number>;
  }>;
}

const emptyStatus = (): Record<RecordStatus, number> => ({ active: 0, withdrawn: 0, repaired: 0, expired: 0 });
const emptyTimeliness = (): Record<Timeliness | 'none', number> => ({
  on_time: 0,
  late: 0,
  overdue: 0,
  pending: 0,
  none: 0,
});

/** Counts by item, status and timeliness (`none`: not due for publication), for the dashboard. */
export async function recordStats(
  executor: Executor,
  filter: { departmentCode?: string; departmentId?: string } = {},
): Promise<RecordStats> {
  const rows = await statsRows(executor, filter);
  const items = new Map<string, RecordStats['byItem'][number] & { total: number; unmatched: number }>();
  const totals = { total: 0, unmatched: 0, byStatus: emptyStatus(), byTimeliness: emptyTimeliness() };
  for (const r of rows) {
    let item = items.get(r.item_code);
    if (!item) {
      item = {
        itemCode: r.item_code,
        total: 0,
        unmatched: 0,
        byStatus: emptyStatus(),
        byTimeliness: emptyTimeliness(),
      };
      items.set(r.item_code, item);
    }
    for (const bucket of [item, totals]) {
      bucket.total += r.n;
      bucket.unmatched += r.unmatched ? r.n : 0;
      bucket.byStatus[r.status] += r.n;
      bucket.byTimeliness[r.timeliness ?? 'none'] += r.n;
    }
  }
  return { ...totals, byItem: [...items.values()].sort((a, b) => a.itemCode.localeCompare(b.itemCode)) };
}

/** One audit entry for a non-public read of records (routes call it with what was asked and returned). */
export async function auditRecordRead(
  db: Db,
  caller: Caller,
  action: string,
  detail: Record<string, unknown>,
  target: { id?: string; subjectId?: string | null } = {},
): Promise<void> {
  await db.transaction((tx) =>
    appendAudit(tx, caller, {
      action,
      targetType: 'record',
      targetId: target.id ?? null,
      subjectId: target.subjectId ?? null,
      detail,
    }),
  );
}

/**
 * The one write path of credit records, used by every channel (API, file,
 * form, CLI, exchange): idempotent by department + item + record key, a new
 * version for every correction, subject matching, the publication deadline
 * and window. Runs inside the caller's transaction; the batch is the audited
 * unit (one audit entry per call, every version carries the batch id).
 */
import { appendAudit } from '../../platform/audit';
import type { Caller } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import { calendarWarnings, type CalendarWarning } from '../calendar';
import { getCatalogItem, type CatalogItem } from '../catalog';
import { findDepartmentByCode } from '../identity';
import { assertOwnDepartment, assertPermission, RECORDS_SUBMIT } from './records.access';
import { loadDeadlineCalendar, type DeadlineCalendar } from './records.calendar';
import { shanghaiDate } from './records.dates';
import { keyMissing, concurrentRecordChange, notAProvider, unknownDepartment } from './records.errors';
import {
  conditionsHold,
  decisionDateOf,
  digestPayload,
  penaltyKindsOf,
  planFor,
  protectPayload,
  recordKeyOf,
  subjectOf,
  type ItemPlan,
  type SubjectAsSubmitted,
} from './records.payload';
import { publicationWindow } from './records.periods';
import { findByKeys, insertRecords, insertVersions, updateRecord } from './records.repository';
import { clockOf, type RecordsEnv } from './records.settings';
import { matchSubjects, type SubjectMatch } from '../subjects';
import type {
  RecordChannel,
  RecordClass,
  RecordStatus,
  RecordVersionsTable,
  RecordsTable,
  Timeliness,
} from './records.tables';

export interface UpsertRow {
  /** The row's number in its batch (file line, array index…), echoed in the result. */
  readonly rowNumber: number;
  /** Already validated and normalised by ingest against the item version. */
  readonly payload: Record<string, unknown>;
  readonly classification?: RecordClass;
}

export interface UpsertInput {
  readonly itemCode: string;
  readonly itemVersion: number;
  readonly departmentCode: string;
  readonly batchId: string;
  readonly fileHash: string | null;
  readonly channel: RecordChannel;
  readonly rows: readonly UpsertRow[];
  /**
   * The caller audits the whole batch itself, once, at its end (an import):
   * appending here would take the audit chain's head lock at the first chunk
   * and hold it — blocking every other audited write — until the batch commits.
   */
  readonly auditedByCaller?: boolean;
}

export type UpsertOutcome = 'created' | 'corrected' | 'unchanged';

/** A year the deadline went through without complete holiday data (the calendar's own warning). */
export type UpsertWarning = CalendarWarning;

export interface UpsertRowResult {
  readonly rowNumber: number;
  readonly recordId: string;
  readonly outcome: UpsertOutcome;
  readonly subjectMatched: boolean;
  /** Present when the deadline of this row is uncertain (the batch result should show it). */
  readonly warnings?: readonly UpsertWarning[];
}

interface Prepared {
  readonly row: UpsertRow;
  readonly key: string;
  readonly hash: string;
  /** The canonical payload when it holds no ID number (its stored form too). */
  readonly plainJson: string | null;
  readonly subject: SubjectAsSubmitted;
}

interface Change {
  readonly index: number;
  readonly prepared: Prepared;
  readonly kind: 'create' | 'correct';
  readonly version: number;
}

const sameSubject = (prev: RecordsTable, s: SubjectAsSubmitted) =>
  prev.subject_name === s.name &&
  prev.subject_uscc === s.uscc &&
  prev.subject_org_code === s.orgCode &&
  prev.subject_registration_number === s.registrationNumber &&
  prev.subject_id_hash === s.idHash;

/** Who and where a version came from. */
type Provenance = Pick<
  RecordVersionsTable,
  'batch_id' | 'department_id' | 'actor_kind' | 'actor_id' | 'actor_name' | 'at' | 'file_hash' | 'channel'
>;

type Deadline = { readonly date: string; readonly missingYears: readonly number[] };

/**
 * Publication deadlines by decision date, per calendar (a new calendar is a
 * new object) and period: the rows of an import share a few hundred dates.
 */
const deadlineCache = new WeakMap<DeadlineCalendar, Map<number, Map<string, Deadline>>>();
function deadlinesOf(calendar: DeadlineCalendar, workingDays: number): Map<string, Deadline> {
  let byDays = deadlineCache.get(calendar);
  if (!byDays) deadlineCache.set(calendar, (byDays = new Map<number, Map<string, Deadline>>()));
  let byDate = byDays.get(workingDays);
  if (!byDate) byDays.set(workingDays, (byDate = new Map<string, Deadline>()));
  return byDate;
}

interface Target {
  readonly department: NonNullable<Awaited<ReturnType<typeof findDepartmentByCode>>>;
  readonly item: CatalogItem;
  readonly plan: ItemPlan;
}

/**
 * The department and item version a call writes to, read once per
 * transaction: an import calls once per chunk of rows, and within one
 * transaction they are what its first chunk read.
 */
const targets = new WeakMap<Executor, Map<string, Target>>();
async function targetOf(tx: Executor, input: UpsertInput): Promise<Target> {
  let byKey = targets.get(tx);
  // Outside a transaction nothing bounds how long a cached answer would live: read afresh.
  if (!byKey) {
    byKey = new Map();
    if (tx.isTransaction) targets.set(tx, byKey);
  }
  const key = `${input.departmentCode}\u0000${input.itemCode}\u0000${input.itemVersion}`;
  let target = byKey.get(key);
  if (!target) {
    const department = await findDepartmentByCode(tx, input.departmentCode);
    if (!department) throw unknownDepartment(input.departmentCode);
    const item = await getCatalogItem(tx, input.itemCode, input.itemVersion);
    target = { department, item, plan: planFor(item) };
    byKey.set(key, target);
  }
  return target;
}

/**
 * Creates, corrects or leaves unchanged each row's record, in the caller's
 * transaction (never commits). Same department + item + record key and same
 * content: `unchanged`, no new version; different content: `corrected`, a
 * new version with the history kept.
 */
export async function upsertRecords(
  tx: Executor,
  caller: Caller,
  input: UpsertInput,
  env: RecordsEnv,
): Promise<UpsertRowResult[]> {
  assertPermission(caller, RECORDS_SUBMIT);
  const { department, item, plan } = await targetOf(tx, input);
  assertOwnDepartment(caller, department.id, department.code);
  if (!item.providingDepartments.includes(department.code)) throw notAProvider(item.code, department.code);
  if (input.rows.length === 0) return [];

  const { protector, settings } = env;
  const now = clockOf(env);
  const at = now.toISOString();
  const receiptDate = shanghaiDate(now);

  const prepared: Prepared[] = input.rows.map((row) => {
    const key = recordKeyOf(plan, row.payload, protector);
    if (key === null) throw keyMissing(item.code, row.rowNumber, item.identityKey);
    const { hash, plainJson } = digestPayload(plan, row.payload, row.classification ?? null, protector);
    return { row, key, hash, plainJson, subject: subjectOf(plan, row.payload, protector) };
  });

  // Phase 1: which rows create, correct or repeat a record (earlier rows of this call count).
  const existing = await findByKeys(
    tx,
    department.id,
    item.code,
    prepared.map((p) => p.key),
  );
  const latest = new Map<string, { hash: string; version: number }>(
    existing.map((r) => [r.record_key, { hash: r.content_hash, version: r.version }]),
  );
  const changes: Change[] = [];
  const outcomes: UpsertOutcome[] = [];
  prepared.forEach((p, index) => {
    const last = latest.get(p.key);
    if (last && last.hash === p.hash) {
      outcomes.push('unchanged');
      return;
    }
    const version = (last?.version ?? 0) + 1;
    latest.set(p.key, { hash: p.hash, version });
    changes.push({ index, prepared: p, kind: last ? 'correct' : 'create', version });
    outcomes.push(last ? 'corrected' : 'created');
  });

  // Phase 2: one look-up per identifier kind for every changed row.
  const matches = await matchSubjects(
    tx,
    changes.map((c) => c.prepared.subject),
    settings.regionCode,
  );

  // Phase 3: the next state of each record, in row order.
  const calendar = await loadDeadlineCalendar(tx);
  const known = deadlinesOf(calendar, settings.publicationWorkingDays);
  const deadlines = new Map<string, Deadline>();
  const deadlineOf = (decisionDate: string) => {
    let d = known.get(decisionDate);
    if (!d) {
      d = calendar.addWorkingDays(decisionDate, settings.publicationWorkingDays);
      known.set(decisionDate, d);
    }
    deadlines.set(decisionDate, d);
    return d;
  };
  const provenance: Provenance = {
    batch_id: input.batchId,
    department_id: department.id,
    actor_kind: caller.actor.kind,
    actor_id: caller.actor.id,
    actor_name: caller.actor.name,
    at,
    file_hash: input.fileHash,
    channel: input.channel,
  };
  const state = new Map<string, RecordsTable>(existing.map((r) => [r.record_key, r]));
  const baseVersion = new Map<string, number>(existing.map((r) => [r.record_key, r.version]));
  const versions: RecordVersionsTable[] = [];
  const rowState = new Map<number, { subjectMatched: boolean; warnings?: UpsertWarning[] }>();

  changes.forEach((change, changeIndex) => {
    const { prepared: p } = change;
    const prev = state.get(p.key);
    const match = matches.get(changeIndex);
    const next = nextState(plan, p, prev, match, {
      at,
      receiptDate,
      version: change.version,
      itemVersion: input.itemVersion,
      department,
      env,
      deadlineOf,
    });
    state.set(p.key, next.row);
    versions.push({
      record_id: next.row.id,
      version: change.version,
      change: change.kind,
      payload: next.row.payload,
      protected_payload: next.row.protected_payload,
      content_hash: next.row.content_hash,
      classification: p.row.classification ?? null,
      subject_id: next.row.subject_id,
      status: next.row.status,
      note: null,
      batch_id: provenance.batch_id,
      department_id: provenance.department_id,
      actor_kind: provenance.actor_kind,
      actor_id: provenance.actor_id,
      actor_name: provenance.actor_name,
      at: provenance.at,
      file_hash: provenance.file_hash,
      channel: provenance.channel,
    });
    rowState.set(change.index, {
      subjectMatched: next.row.subject_id !== null,
      ...(next.warnings.length > 0 ? { warnings: next.warnings } : {}),
    });
  });

  // Phase 4: multi-row inserts for new records, one guarded update per corrected one.
  const touched = new Set(changes.map((c) => c.prepared.key));
  const created: RecordsTable[] = [];
  for (const key of touched) {
    const row = state.get(key)!;
    const base = baseVersion.get(key);
    if (base === undefined) {
      created.push(row);
      continue;
    }
    const { id, created_at: _c, ...patch } = row;
    if (!(await updateRecord(tx, id, base, patch))) throw concurrentRecordChange(id);
  }
  await insertRecords(tx, created);
  await insertVersions(tx, versions);

  const results = prepared.map((p, index): UpsertRowResult => {
    const record = state.get(p.key)!;
    const written = rowState.get(index);
    return {
      rowNumber: p.row.rowNumber,
      recordId: record.id,
      outcome: outcomes[index]!,
      subjectMatched: written ? written.subjectMatched : record.subject_id !== null,
      ...(written?.warnings ? { warnings: written.warnings } : {}),
    };
  });

  const count = (o: UpsertOutcome) => outcomes.filter((x) => x === o).length;
  const missingYears = [...new Set([...deadlines.values()].flatMap((d) => d.missingYears))].sort();
  if (input.auditedByCaller) return results;
  await appendAudit(tx, caller, {
    action: 'records.upsert',
    targetType: 'record_batch',
    targetId: input.batchId,
    detail: {
      itemCode: item.code,
      itemVersion: input.itemVersion,
      departmentCode: department.code,
      channel: input.channel,
      fileHash: input.fileHash,
      rows: prepared.length,
      created: count('created'),
      corrected: count('corrected'),
      unchanged: count('unchanged'),
      unmatched: [...rowState.values()].filter((r) => !r.subjectMatched).length,
      ...(missingYears.length > 0 ? { calendarMissingYears: missingYears } : {}),
    },
  });
  return results;
}

interface StateContext {
  readonly at: string;
  readonly receiptDate: string;
  readonly version: number;
  readonly itemVersion: number;
  readonly department: { readonly id: string; readonly code: string };
  readonly env: RecordsEnv;
  readonly deadlineOf: (decisionDate: string) => { readonly date: string; readonly missingYears: readonly number[] };
}

/** The subject a version keeps: an identifier match, else a reviewer's link that nothing contradicts. */
function subjectFor(prev: RecordsTable | undefined, subject: SubjectAsSubmitted, match: SubjectMatch | undefined) {
  if (prev?.match_method === 'manual' && prev.subject_id && (!match || sameSubject(prev, subject))) {
    return { subject_id: prev.subject_id, match_method: prev.match_method };
  }
  return { subject_id: match?.subjectId ?? null, match_method: match?.method ?? null };
}

/** The state of a record after a created or corrected version (DOMAIN §3–4). */
function nextState(
  plan: ItemPlan,
  p: Prepared,
  prev: RecordsTable | undefined,
  match: SubjectMatch | undefined,
  ctx: StateContext,
): { row: RecordsTable; warnings: UpsertWarning[] } {
  const { item } = plan;
  const { settings, protector } = ctx.env;
  const payload = p.row.payload;
  const decisionDate = decisionDateOf(plan, payload);
  const window = publicationWindow(item.publicationPeriod, payload, {
    classification: p.row.classification,
    kinds: penaltyKindsOf(plan, payload),
    kindClasses: settings.penaltyKindClasses,
  });
  const warnings: UpsertWarning[] = [];

  // Due for publication: a public item (or a record its conditions make public) in a published class.
  const due = (item.disclosure === 'public' || conditionsHold(item.publicWhen, payload)) && window.publishable;
  let deadline: string | null = null;
  if (due && decisionDate) {
    const computed = ctx.deadlineOf(decisionDate);
    deadline = computed.date;
    if (computed.missingYears.length > 0) warnings.push(...calendarWarnings(computed.missingYears));
  }

  // The window may have closed before the record even arrived.
  const closed = window.maxEnd !== null && window.maxEnd < ctx.receiptDate;
  let status: RecordStatus = prev?.status ?? 'active';
  if (status === 'active' || status === 'expired') status = closed ? 'expired' : 'active';
  const live = status === 'active';

  let publishedAt = prev?.published_at ?? null;
  if (!publishedAt && due && live && settings.publishOnReceipt) publishedAt = ctx.at;
  let publicationEndedAt: string | null = prev?.publication_ended_at ?? null;
  if (status === 'active' || status === 'expired') {
    publicationEndedAt = publishedAt && (!live || !due) ? (prev?.publication_ended_at ?? ctx.at) : null;
  }

  let timeliness: Timeliness | null = null;
  if (publishedAt && deadline) timeliness = shanghaiDate(publishedAt) <= deadline ? 'on_time' : 'late';
  else if (publishedAt) timeliness = prev?.timeliness ?? null;
  else if (due && deadline) {
    if (!live) timeliness = 'late';
    else timeliness = ctx.receiptDate > deadline ? 'overdue' : 'pending';
  }

  const stored = protectPayload(plan, payload, protector, p.plainJson);
  const s = p.subject;
  const row: RecordsTable = {
    id: prev?.id ?? newId(),
    item_code: item.code,
    item_version: ctx.itemVersion,
    department_id: ctx.department.id,
    department_code: ctx.department.code,
    record_key: p.key,
    ...subjectFor(prev, s, match),
    subject_type: s.type,
    subject_name: s.name,
    subject_uscc: s.uscc,
    subject_org_code: s.orgCode,
    subject_registration_number: s.registrationNumber,
    subject_id_hash: s.idHash,
    subject_id_masked: s.idMasked,
    decision_date: decisionDate,
    class: window.class,
    class_source: window.classSource,
    status,
    version: ctx.version,
    payload: stored.payload,
    protected_payload: stored.protectedPayload,
    content_hash: p.hash,
    publication_deadline: deadline,
    published_at: publishedAt,
    timeliness,
    min_end: window.minEnd,
    max_end: window.maxEnd,
    publication_ended_at: publicationEndedAt,
    revoked_on: prev?.revoked_on ?? null,
    withdrawal_reason: prev?.withdrawal_reason ?? null,
    withdrawal_deadline: prev?.withdrawal_deadline ?? null,
    withdrawn_at: prev?.withdrawn_at ?? null,
    withdrawal_timeliness: prev?.withdrawal_timeliness ?? null,
    created_at: prev?.created_at ?? ctx.at,
    updated_at: ctx.at,
  };
  return { row, warnings };
}

/** The dashboard's aggregate queries over records (the only SQL of records.dashboard.ts). */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db';
import { normalizeKeyPart } from './records.payload';
import { recordsDb, type RecordStatus, type Timeliness } from './records.tables';

const db = recordsDb;
const IN_CHUNK = 900;

export interface MonthRow {
  readonly department_code: string;
  readonly month: string;
  readonly timeliness: Timeliness;
  readonly n: number;
}

/** Publication timeliness per department and month of the decision date, decisions in [from, to]. */
export async function timelinessByMonth(
  executor: Executor,
  filter: { departmentId?: string; from: string; to: string },
): Promise<MonthRow[]> {
  // substr() is the same function on SQLite and PostgreSQL; decision dates are YYYY-MM-DD text.
  const month = sql<string>`substr(decision_date, 1, 7)`;
  let q = db(executor)
    .selectFrom('records')
    .select(['department_code', month.as('month'), 'timeliness', (eb) => eb.fn.countAll<number>().as('n')])
    .where('decision_date', '>=', filter.from)
    .where('decision_date', '<=', filter.to)
    .where('timeliness', 'is not', null)
    .groupBy(['department_code', month, 'timeliness']);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, timeliness: r.timeliness!, n: Number(r.n) }));
}

export interface StateRow {
  readonly department_code: string;
  readonly status: RecordStatus;
  readonly timeliness: Timeliness | null;
  readonly withdrawal_timeliness: 'on_time' | 'late' | null;
  readonly unmatched: number;
  readonly n: number;
}

/** Current state of every record per department (not limited to a period: overdue is overdue today). */
export async function stateCounts(executor: Executor, filter: { departmentId?: string }): Promise<StateRow[]> {
  const unmatched = sql<number>`case when subject_id is null then 1 else 0 end`;
  let q = db(executor)
    .selectFrom('records')
    .select([
      'department_code',
      'status',
      'timeliness',
      'withdrawal_timeliness',
      unmatched.as('unmatched'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['department_code', 'status', 'timeliness', 'withdrawal_timeliness', unmatched]);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, unmatched: Number(r.unmatched), n: Number(r.n) }));
}

/**
 * When each record (by its identity key as submitted, e.g. the document
 * number) last received content — a `create` or `correct` version — or null
 * when the department never got it accepted. Keys are normalised as the
 * write path normalises them; `keys[i]` answers `result[i]`.
 */
export async function lastContentWrites(
  executor: Executor,
  departmentId: string,
  itemCode: string,
  keys: ReadonlyArray<readonly string[]>,
): Promise<Array<string | null>> {
  const normal = keys.map((parts) => parts.map((p) => normalizeKeyPart(p)).join('\u001f'));
  const unique = [...new Set(normal)];
  const found = new Map<string, string>();
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    const rows = await db(executor)
      .selectFrom('records')
      .innerJoin('record_versions', 'record_versions.record_id', 'records.id')
      .select(['records.record_key', (eb) => eb.fn.max('record_versions.at').as('at')])
      .where('records.department_id', '=', departmentId)
      .where('records.item_code', '=', itemCode)
      .where('records.record_key', 'in', unique.slice(i, i + IN_CHUNK))
      .where('record_versions.change', 'in', ['create', 'correct'])
      .groupBy('records.record_key')
      .execute();
    for (const r of rows) if (r.at) found.set(r.record_key, String(r.at));
  }
  return normal.map((k) => found.get(k) ?? null);
}

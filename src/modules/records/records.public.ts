/**
 * Records as the public may see them: the SQL half of the visibility rule
 * (status, published, window, items that may be public), so that pages of
 * the public read model are full and counts right. The publicity module's
 * presenter checks every row again; this file reads only the columns the
 * public presenter may use (never the ciphertexts, the ID hash, withdrawal
 * reasons or workflow dates).
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { escapeLike, precompiled, type Executor } from '../../platform/db';
import { recordsDb, type RecordsTables } from './records.tables';
import type { CreditRecord } from './records.model';

/** The visibility conditions SQL can check; `itemCodes` are the items that may be public at all. */
export interface VisibleScope {
  /** Today in Asia/Shanghai: the last day of publication is `max_end` itself. */
  readonly today: string;
  readonly itemCodes: readonly string[];
}

export interface PublicFilter {
  readonly departmentCode?: string;
  readonly from?: string;
  readonly to?: string;
  readonly subjectName?: string;
  readonly subjectId?: string;
  readonly ids?: readonly string[];
}

/** Position in "newest decision first" order: (decision date or '', id), both descending. */
export interface PublicCursor {
  readonly decisionDate: string;
  readonly id: string;
}

// Records without a decision date sort last in descending order.
const DECIDED = sql<string>`coalesce(decision_date, '')`;

function visibleRecords(executor: Executor, scope: VisibleScope, filter: PublicFilter) {
  let q = recordsDb(executor)
    .selectFrom('records')
    .where('item_code', 'in', scope.itemCodes)
    // Literal, not a parameter: the partial index records_subject_visible has these very conditions.
    .where(sql<boolean>`status = 'active'`)
    .where('published_at', 'is not', null)
    .where('publication_ended_at', 'is', null)
    .where((eb: ExpressionBuilder<RecordsTables, 'records'>) =>
      eb.or([eb('max_end', 'is', null), eb('max_end', '>=', scope.today)]),
    );
  if (filter.departmentCode) q = q.where('department_code', '=', filter.departmentCode);
  if (filter.from) q = q.where('decision_date', '>=', filter.from);
  if (filter.to) q = q.where('decision_date', '<=', filter.to);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  if (filter.ids) q = q.where('id', 'in', filter.ids);
  if (filter.subjectName) {
    // A scan over the filtered rows: records has no substring index on subject_name yet.
    const pattern = `%${escapeLike(filter.subjectName.toLowerCase())}%`;
    q = q.where(sql<boolean>`lower(subject_name) LIKE ${pattern} ESCAPE '\\'`);
  }
  return q;
}

/** What the public read model reads of a record: a part of `CreditRecord`, so a full record is one too. */
export interface VisibleRecord {
  readonly id: string;
  readonly itemCode: string;
  readonly itemVersion: number;
  readonly departmentCode: string;
  readonly subject: Pick<CreditRecord['subject'], 'id' | 'type' | 'name' | 'uscc' | 'idNumberMasked'>;
  readonly decisionDate: string | null;
  readonly status: CreditRecord['status'];
  readonly payload: Record<string, unknown>;
  readonly publication: Pick<CreditRecord['publication'], 'publishedAt' | 'maxEnd' | 'endedAt'>;
}

// Reading all 36 columns cost twice the time of these on an entity page of 100 records.
const VISIBLE_COLUMNS = [
  'id',
  'item_code',
  'item_version',
  'department_code',
  'subject_id',
  'subject_type',
  'subject_name',
  'subject_uscc',
  'subject_id_masked',
  'decision_date',
  'status',
  'payload',
  'published_at',
  'max_end',
  'publication_ended_at',
] as const;

/** The visible records' query, newest decision first, continuing after `cursor`. */
function orderedVisible(
  executor: Executor,
  scope: VisibleScope,
  filter: PublicFilter,
  page: { cursor?: PublicCursor; limit: number },
) {
  let q = visibleRecords(executor, scope, filter)
    .select(VISIBLE_COLUMNS)
    .orderBy(DECIDED, 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit);
  const { cursor } = page;
  if (cursor) {
    q = q.where(
      sql<boolean>`(${DECIDED} < ${cursor.decisionDate} OR (${DECIDED} = ${cursor.decisionDate} AND id < ${cursor.id}))`,
    );
  }
  return q;
}

type VisibleRow = Awaited<ReturnType<ReturnType<typeof orderedVisible>['execute']>>[number];

function toVisibleRecord(row: VisibleRow): VisibleRecord {
  return {
    id: row.id,
    itemCode: row.item_code,
    itemVersion: Number(row.item_version),
    departmentCode: row.department_code,
    subject: {
      id: row.subject_id,
      type: row.subject_type,
      name: row.subject_name,
      uscc: row.subject_uscc,
      idNumberMasked: row.subject_id_masked,
    },
    decisionDate: row.decision_date,
    status: row.status,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    publication: { publishedAt: row.published_at, maxEnd: row.max_end, endedAt: row.publication_ended_at },
  };
}

/** Publicly visible records (by SQL), newest decision first, continuing after `cursor`. */
export async function visibleRecordRows(
  executor: Executor,
  scope: VisibleScope,
  filter: PublicFilter,
  page: { cursor?: PublicCursor; limit: number },
): Promise<VisibleRecord[]> {
  if (scope.itemCodes.length === 0) return [];
  const subjectId = subjectOnly(filter);
  const rows =
    subjectId === null
      ? await orderedVisible(executor, scope, filter, page).execute()
      : page.cursor
        ? await subjectRowsAfter(
            executor,
            scope.itemCodes,
            scope.today,
            subjectId,
            page.cursor.decisionDate,
            page.cursor.id,
            page.limit,
          )
        : await subjectRows(executor, scope.itemCodes, scope.today, subjectId, page.limit);
  return rows.map(toVisibleRecord);
}

/**
 * An entity page's queries (one subject's records), compiled once per
 * number of items: a page makes up to a few dozen of them, and building and
 * compiling each cost as much as running it.
 */
const subjectOnly = (filter: PublicFilter): string | null => {
  const { subjectId, ...rest } = filter;
  return subjectId !== undefined && Object.values(rest).every((v) => v === undefined) ? subjectId : null;
};
const subjectScope = (codes: readonly string[], today: string): VisibleScope => ({ today, itemCodes: codes });
const subjectRows = precompiled((executor, codes: readonly string[], today: string, subjectId: string, limit: number) =>
  orderedVisible(executor, subjectScope(codes, today), { subjectId }, { limit }),
);
const subjectRowsAfter = precompiled(
  (
    executor,
    codes: readonly string[],
    today: string,
    subjectId: string,
    decisionDate: string,
    id: string,
    limit: number,
  ) => orderedVisible(executor, subjectScope(codes, today), { subjectId }, { cursor: { decisionDate, id }, limit }),
);
const subjectCountsByItem = precompiled(
  (executor, codes: readonly string[], today: string, subjectId: string, upTo: number) =>
    countsByItemQuery(executor, subjectScope(codes, today), { subjectId }, upTo),
);
const subjectCountsEach = precompiled(
  (executor, codes: readonly string[], today: string, subjectId: string, upTo: number) => {
    const one = (code: string) =>
      countQuery(executor, subjectScope([code], today), { subjectId }, upTo).select(
        sql<string>`cast(${code} as text)`.as('item_code'),
      );
    return codes.slice(1).reduce((query, code) => query.unionAll(one(code)), one(codes[0]!));
  },
);
const subjectCount = precompiled((executor, codes: readonly string[], today: string, subjectId: string, upTo: number) =>
  countQuery(executor, subjectScope(codes, today), { subjectId }, upTo),
);

/**
 * How many records of each item of the scope are visible, in one statement
 * reading no more than `upTo` records in all (the sum of the counts is then
 * `upTo`: a lower bound, and items further on may be missing). With a subject
 * filter it reads the partial index records_subject_visible alone.
 */
export async function countVisibleByItem(
  executor: Executor,
  scope: VisibleScope,
  filter: PublicFilter,
  upTo: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (scope.itemCodes.length === 0) return counts;
  const subjectId = subjectOnly(filter);
  const rows =
    subjectId === null
      ? await countsByItemQuery(executor, scope, filter, upTo).execute()
      : await subjectCountsByItem(executor, scope.itemCodes, scope.today, subjectId, upTo);
  for (const row of rows) counts.set(row.item_code, Number(row.n));
  return counts;
}

function countsByItemQuery(executor: Executor, scope: VisibleScope, filter: PublicFilter, upTo: number) {
  return recordsDb(executor)
    .selectFrom(visibleRecords(executor, scope, filter).select('item_code').limit(upTo).as('v'))
    .select((eb) => ['item_code', eb.fn.countAll<number>().as('n')])
    .groupBy('item_code');
}

function countQuery(executor: Executor, scope: VisibleScope, filter: PublicFilter, upTo: number) {
  return recordsDb(executor)
    .selectFrom(visibleRecords(executor, scope, filter).select('id').limit(upTo).as('visible'))
    .select((eb) => eb.fn.countAll<number>().as('n'));
}

/**
 * How many records of each item of the scope are visible, each counted up
 * to `upTo` (exact below it): for a subject, one statement of one capped
 * count per item, each a range of the partial index records_subject_visible.
 */
export async function countVisibleEachItem(
  executor: Executor,
  scope: VisibleScope,
  filter: PublicFilter,
  upTo: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (scope.itemCodes.length === 0) return counts;
  const subjectId = subjectOnly(filter);
  if (subjectId === null) {
    for (const code of scope.itemCodes)
      counts.set(code, await countVisibleRecords(executor, { ...scope, itemCodes: [code] }, filter, upTo));
    return counts;
  }
  for (const row of await subjectCountsEach(executor, scope.itemCodes, scope.today, subjectId, upTo))
    counts.set(row.item_code, Number(row.n));
  return counts;
}

/** How many records are publicly visible, counting no further than `upTo` (a capped count reads at most that many). */
export async function countVisibleRecords(
  executor: Executor,
  scope: VisibleScope,
  filter: PublicFilter,
  upTo: number,
): Promise<number> {
  if (scope.itemCodes.length === 0) return 0;
  const subjectId = subjectOnly(filter);
  const [row] =
    subjectId === null
      ? [await countQuery(executor, scope, filter, upTo).executeTakeFirstOrThrow()]
      : await subjectCount(executor, scope.itemCodes, scope.today, subjectId, upTo);
  return Number(row?.n ?? 0);
}

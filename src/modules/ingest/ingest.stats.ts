/**
 * Submission figures for the department dashboard (read-only): batches and
 * rows per month, rejected rows by reason, and the two data-quality rates of
 * the national city credit monitoring (DOMAIN §12), defined here:
 *
 * - 重错码率 (duplicate-or-wrong-identifier rate) = rows of the period's
 *   batches rejected for a wrong identifier (any `identifier.*` reason: bad
 *   format or check character of a USCC, organisation code, registration
 *   number or citizen ID) or as a duplicate (`duplicate_in_file`: the same
 *   document number twice in one submission) ÷ rows submitted (read) in
 *   those batches. Lower is better.
 * - 纠正率 (correction rate) = rejected rows of the period whose record (same
 *   department, catalog item and document number) was accepted afterwards —
 *   created or corrected at or after the rejecting batch — ÷ rejected rows
 *   of the period. A row whose document number itself was unreadable cannot
 *   be traced and counts as not corrected. Higher is better.
 *
 * Months are calendar months in Asia/Shanghai of the batch's start.
 */
import { z } from 'zod';
import { hasPermission, type Caller } from '../../platform/context';
import { tables, type Executor } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { callerOf, problemSchema, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import { getCatalogItem, type CatalogItem } from '../catalog';
import { defaultSpan, lastContentWrites, monthSpanQuery, monthsOf, type MonthSpan } from '../records';
import { mapHeaders, rowValues, type RowError } from './core';
import type { IngestBatchesTable, IngestRejectionsTable } from './ingest.repository';

const IN_CHUNK = 500;
const TOP_REASONS = 10;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Reason codes that make a row count towards 重错码率. */
export const isWrongOrDuplicateIdentifier = (code: string): boolean =>
  code.startsWith('identifier.') || code === 'duplicate_in_file';

export interface Rate {
  readonly count: number;
  readonly of: number;
  /** count ÷ of, or null when `of` is 0. */
  readonly rate: number | null;
}

export interface DepartmentSubmissionFigures {
  readonly departmentCode: string;
  batches: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  months: Array<{ month: string; batches: number; rowsRead: number; accepted: number; rejected: number }>;
  reasons: Array<{ code: string; rows: number; example: { zh: string; en: string } }>;
  wrongOrDuplicateIdentifierRate: Rate;
  correctionRate: Rate;
}

export interface SubmissionStats {
  readonly from: string;
  readonly to: string;
  readonly departments: DepartmentSubmissionFigures[];
}

const db = (executor: Executor) =>
  tables<{ ingest_batches: IngestBatchesTable; ingest_rejections: IngestRejectionsTable }>(executor);

/** The UTC instant a Shanghai month starts at. */
const monthStart = (month: string): string =>
  new Date(Date.parse(`${month}-01T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
const nextMonth = (month: string): string => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const shanghaiMonth = (iso: string): string => new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
const rate = (count: number, of: number): Rate => ({ count, of, rate: of === 0 ? null : count / of });

type BatchRow = Pick<
  IngestBatchesTable,
  | 'id'
  | 'department_id'
  | 'department_code'
  | 'item_code'
  | 'item_version'
  | 'headers'
  | 'rows_read'
  | 'rows_accepted'
  | 'rows_rejected'
  | 'created_at'
>;

/**
 * Submission figures per department (only `departmentId`'s when set) for
 * batches started within the span; departments without a batch are left out.
 */
export async function submissionStats(
  executor: Executor,
  filter: MonthSpan & { departmentId?: string },
): Promise<SubmissionStats> {
  const months = monthsOf(filter);
  let q = db(executor)
    .selectFrom('ingest_batches')
    .select([
      'id',
      'department_id',
      'department_code',
      'item_code',
      'item_version',
      'headers',
      'rows_read',
      'rows_accepted',
      'rows_rejected',
      'created_at',
    ])
    .where('created_at', '>=', monthStart(filter.from))
    .where('created_at', '<', monthStart(nextMonth(filter.to)))
    // A batch still running has not decided its rows yet.
    .where('status', '!=', 'running');
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  const batches: BatchRow[] = await q.execute();

  const byCode = new Map<string, DepartmentSubmissionFigures & { reasonMap: Map<string, Reason>; wrong: number }>();
  const department = (code: string) => {
    let d = byCode.get(code);
    if (!d) {
      d = {
        departmentCode: code,
        batches: 0,
        rowsRead: 0,
        rowsAccepted: 0,
        rowsRejected: 0,
        months: months.map((month) => ({ month, batches: 0, rowsRead: 0, accepted: 0, rejected: 0 })),
        reasons: [],
        wrongOrDuplicateIdentifierRate: rate(0, 0),
        correctionRate: rate(0, 0),
        reasonMap: new Map(),
        wrong: 0,
      };
      byCode.set(code, d);
    }
    return d;
  };
  for (const b of batches) {
    const d = department(b.department_code);
    const [read, accepted, rejected] = [Number(b.rows_read), Number(b.rows_accepted), Number(b.rows_rejected)];
    d.batches += 1;
    d.rowsRead += read;
    d.rowsAccepted += accepted;
    d.rowsRejected += rejected;
    const month = d.months[months.indexOf(shanghaiMonth(b.created_at))];
    if (month) {
      month.batches += 1;
      month.rowsRead += read;
      month.accepted += accepted;
      month.rejected += rejected;
    }
  }

  const corrections = new Map<string, { corrected: number; of: number }>();
  const items = new Map<string, Promise<CatalogItem>>();
  for (const [batch, rejections] of await rejectionsOf(executor, batches)) {
    const d = department(batch.department_code);
    for (const r of rejections) {
      const codes = new Set((JSON.parse(r.errors) as RowError[]).map((e) => e.code));
      if ([...codes].some(isWrongOrDuplicateIdentifier)) d.wrong += 1;
      for (const e of JSON.parse(r.errors) as RowError[]) {
        if (!codes.delete(e.code)) continue; // one count per row and reason
        const reason = d.reasonMap.get(e.code) ?? { code: e.code, rows: 0, example: e.reason };
        reason.rows += 1;
        d.reasonMap.set(e.code, reason);
      }
    }
    const key = `${batch.item_code}@${batch.item_version}`;
    if (!items.has(key)) items.set(key, getCatalogItem(executor, batch.item_code, batch.item_version));
    const tally = corrections.get(batch.department_code) ?? { corrected: 0, of: 0 };
    tally.of += rejections.length;
    tally.corrected += await correctedRows(executor, batch, rejections, await items.get(key)!);
    corrections.set(batch.department_code, tally);
  }

  const departments = [...byCode.values()].map(({ reasonMap, wrong, ...d }) => {
    const tally = corrections.get(d.departmentCode) ?? { corrected: 0, of: 0 };
    return {
      ...d,
      reasons: [...reasonMap.values()]
        .sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code))
        .slice(0, TOP_REASONS),
      wrongOrDuplicateIdentifierRate: rate(wrong, d.rowsRead),
      correctionRate: rate(tally.corrected, tally.of),
    };
  });
  return {
    from: filter.from,
    to: filter.to,
    departments: departments.sort((a, b) => a.departmentCode.localeCompare(b.departmentCode)),
  };
}

interface Reason {
  code: string;
  rows: number;
  example: { zh: string; en: string };
}

/** The kept rejected rows of each batch that has any. */
async function rejectionsOf(
  executor: Executor,
  batches: readonly BatchRow[],
): Promise<Array<[BatchRow, IngestRejectionsTable[]]>> {
  const withRejections = batches.filter((b) => Number(b.rows_rejected) > 0);
  const byBatch = new Map<string, IngestRejectionsTable[]>();
  for (let i = 0; i < withRejections.length; i += IN_CHUNK) {
    const rows = await db(executor)
      .selectFrom('ingest_rejections')
      .selectAll()
      .where(
        'batch_id',
        'in',
        withRejections.slice(i, i + IN_CHUNK).map((b) => b.id),
      )
      .execute();
    for (const r of rows) {
      const list = byBatch.get(r.batch_id) ?? [];
      list.push(r);
      byBatch.set(r.batch_id, list);
    }
  }
  return withRejections.filter((b) => byBatch.has(b.id)).map((b) => [b, byBatch.get(b.id)!]);
}

/** How many of a batch's rejected rows were accepted later (see 纠正率 above). */
async function correctedRows(
  executor: Executor,
  batch: BatchRow,
  rejections: readonly IngestRejectionsTable[],
  item: CatalogItem,
): Promise<number> {
  if (!batch.headers) return 0;
  const mapping = mapHeaders(item, JSON.parse(batch.headers) as string[]);
  const keys: string[][] = [];
  for (const r of rejections) {
    const { values } = rowValues(mapping, JSON.parse(r.cells) as string[]);
    const parts = item.identityKey.map((code) => (values[code] ?? '').trim());
    if (parts.every((p) => p !== '')) keys.push(parts);
  }
  if (keys.length === 0) return 0;
  const writes = await lastContentWrites(executor, batch.department_id, batch.item_code, keys);
  return writes.filter((at) => at !== null && at >= batch.created_at).length;
}

const rateSchema = z.object({
  count: z.number().int(),
  of: z.number().int(),
  rate: z.number().nullable().describe('count ÷ of; null when of is 0'),
});

export const submissionStatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    departments: z.array(
      z.object({
        departmentCode: z.string(),
        batches: z.number().int(),
        rowsRead: z.number().int(),
        rowsAccepted: z.number().int(),
        rowsRejected: z.number().int(),
        months: z.array(
          z.object({
            month: z.string(),
            batches: z.number().int(),
            rowsRead: z.number().int(),
            accepted: z.number().int(),
            rejected: z.number().int(),
          }),
        ),
        reasons: z
          .array(
            z.object({
              code: z.string(),
              rows: z.number().int(),
              example: z.object({ zh: z.string(), en: z.string() }),
            }),
          )
          .describe('Top reasons, rows per reason code'),
        wrongOrDuplicateIdentifierRate: rateSchema.describe(
          '重错码率: rows rejected for a wrong identifier or as a duplicate ÷ rows submitted',
        ),
        correctionRate: rateSchema.describe('纠正率: rejected rows accepted afterwards ÷ rejected rows'),
      }),
    ),
  })
  .meta({ id: 'SubmissionStats' });

/** Own department, or every department with `*`. */
function statsScope(caller: Caller): { departmentId?: string } {
  if (hasPermission(caller.actor, '*')) return {};
  if (!caller.actor.departmentId) throw forbidden('records.read (department)');
  return { departmentId: caller.actor.departmentId };
}

export function registerIngestStatsRoutes(app: HttpServer, deps: Pick<AppDeps, 'db'>): void {
  app.get(
    '/ingest/stats',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Submission figures per department: batches and rows per month, rejection reasons, 重错码率, 纠正率',
        querystring: monthSpanQuery,
        response: { 200: submissionStatsSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'records.read');
      const scope = statsScope(callerOf(request));
      const { from, to } = request.query;
      const span = { ...defaultSpan(12, to), ...(from ? { from } : {}) };
      return submissionStats(deps.db.kysely, { ...span, ...scope });
    },
  );
}

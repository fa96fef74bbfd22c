import { callApi, type Schema } from '../../shared/api';

/** GET /api/v1/records/dashboard (src/modules/records/records.dashboard.ts). */
export type RecordFigures = Schema<'RecordsDashboard'>;
export type DepartmentRecordFigures = RecordFigures['departments'][number];
export type TimelinessCounts = DepartmentRecordFigures['timeliness'];

/** GET /api/v1/ingest/stats (src/modules/ingest/ingest.stats.ts). */
export type SubmissionFigures = Schema<'SubmissionStats'>;
export type DepartmentSubmissionFigures = SubmissionFigures['departments'][number];
export type Rate = DepartmentSubmissionFigures['correctionRate'];

/** A span of months, `YYYY-MM` to `YYYY-MM`. */
export interface Span {
  from: string;
  to: string;
}

export function fetchRecordFigures(span: Span, signal: AbortSignal): Promise<RecordFigures> {
  return callApi('get', '/api/v1/records/dashboard', { query: { ...span }, signal });
}

export function fetchSubmissionFigures(span: Span, signal: AbortSignal): Promise<SubmissionFigures> {
  return callApi('get', '/api/v1/ingest/stats', { query: { ...span }, signal });
}

/** The last `months` months ending with this month in Asia/Shanghai. */
export function lastMonths(months: number, now: Date = new Date()): Span {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).slice(0, 7);
  const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - (months - 1);
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
}

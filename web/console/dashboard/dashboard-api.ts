import { apiGet } from '../../shared/api';

/** GET /api/v1/records/dashboard (src/modules/records/records.dashboard.ts). */
export interface TimelinessCounts {
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}

export interface DepartmentRecordFigures {
  departmentCode: string;
  total: number;
  active: number;
  unmatched: number;
  overdue: number;
  withdrawn: number;
  withdrawals: { onTime: number; late: number };
  timeliness: TimelinessCounts;
  months: Array<{ month: string } & TimelinessCounts>;
}

export interface Rate {
  count: number;
  of: number;
  rate: number | null;
}

/** GET /api/v1/ingest/stats (src/modules/ingest/ingest.stats.ts). */
export interface DepartmentSubmissionFigures {
  departmentCode: string;
  batches: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  months: Array<{ month: string; batches: number; rowsRead: number; accepted: number; rejected: number }>;
  reasons: Array<{ code: string; rows: number; example: { zh: string; en: string } }>;
  wrongOrDuplicateIdentifierRate: Rate;
  correctionRate: Rate;
}

export interface Span {
  from: string;
  to: string;
}

export function fetchRecordFigures(span: Span, signal: AbortSignal) {
  return apiGet<Span & { departments: DepartmentRecordFigures[] }>('/api/v1/records/dashboard', {
    query: { ...span },
    signal,
  });
}

export function fetchSubmissionFigures(span: Span, signal: AbortSignal) {
  return apiGet<Span & { departments: DepartmentSubmissionFigures[] }>('/api/v1/ingest/stats', {
    query: { ...span },
    signal,
  });
}

/** The last `months` months ending with this month in Asia/Shanghai. */
export function lastMonths(months: number, now: Date = new Date()): Span {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).slice(0, 7);
  const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - (months - 1);
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
}

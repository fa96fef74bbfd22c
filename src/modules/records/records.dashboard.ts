/**
 * The department dashboard's figures from records: publication timeliness per
 * month of the decision date, and the current state of each department's
 * records (overdue, unmatched, withdrawn and how promptly). Read-only.
 */
import type { Executor } from '../../platform/db';
import { shanghaiDate } from './records.dates';
import { stateCounts, timelinessByMonth } from './records.dashboard.repository';

/** A span of months, `YYYY-MM` … `YYYY-MM` inclusive. */
export interface MonthSpan {
  readonly from: string;
  readonly to: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Every month of a span, oldest first. */
export function monthsOf(span: MonthSpan): string[] {
  const [fy, fm] = parseMonth(span.from);
  const [ty, tm] = parseMonth(span.to);
  const out: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i += 1)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

function parseMonth(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** The span of `months` months ending with the current month in Asia/Shanghai (or `to`). */
export function defaultSpan(months = 12, to?: string, now: Date = new Date()): MonthSpan {
  const end = to ?? shanghaiDate(now).slice(0, 7);
  const [y, m] = parseMonth(end);
  const i = y * 12 + m - 1 - (months - 1);
  return { from: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, to: end };
}

export interface TimelinessCounts {
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}

export interface DepartmentRecordFigures {
  readonly departmentCode: string;
  /** Current state, all records of the department. */
  total: number;
  active: number;
  unmatched: number;
  /** Active records past their publication deadline and still unpublished. */
  overdue: number;
  withdrawn: number;
  withdrawals: { onTime: number; late: number };
  /** Decisions within the span, by publication timeliness. */
  timeliness: TimelinessCounts;
  months: Array<{ month: string } & TimelinessCounts>;
}

export interface RecordsDashboard {
  readonly from: string;
  readonly to: string;
  readonly departments: DepartmentRecordFigures[];
}

const zero = (): TimelinessCounts => ({ onTime: 0, late: 0, overdue: 0, pending: 0 });
const KEY = { on_time: 'onTime', late: 'late', overdue: 'overdue', pending: 'pending' } as const;

/**
 * Figures per department (only the caller's own when `departmentId` is set),
 * departments with no record left out. Timeliness is counted by the month of
 * the decision date, the date the 7-working-day publication duty runs from.
 */
export async function recordsDashboard(
  executor: Executor,
  filter: MonthSpan & { departmentId?: string },
): Promise<RecordsDashboard> {
  const months = monthsOf(filter);
  const scope = filter.departmentId ? { departmentId: filter.departmentId } : {};
  const byCode = new Map<string, DepartmentRecordFigures>();
  const department = (code: string): DepartmentRecordFigures => {
    let d = byCode.get(code);
    if (!d) {
      d = {
        departmentCode: code,
        total: 0,
        active: 0,
        unmatched: 0,
        overdue: 0,
        withdrawn: 0,
        withdrawals: { onTime: 0, late: 0 },
        timeliness: zero(),
        months: months.map((month) => ({ month, ...zero() })),
      };
      byCode.set(code, d);
    }
    return d;
  };
  for (const r of await stateCounts(executor, scope)) {
    const d = department(r.department_code);
    d.total += r.n;
    if (r.status === 'active') d.active += r.n;
    // The review queue leaves withdrawn records out; so does this count.
    if (r.unmatched && r.status !== 'withdrawn') d.unmatched += r.n;
    if (r.status === 'active' && r.timeliness === 'overdue') d.overdue += r.n;
    if (r.status === 'withdrawn') d.withdrawn += r.n;
    if (r.withdrawal_timeliness) d.withdrawals[KEY[r.withdrawal_timeliness]] += r.n;
  }
  const rows = await timelinessByMonth(executor, { ...scope, from: `${filter.from}-01`, to: `${filter.to}-31` });
  for (const r of rows) {
    const d = department(r.department_code);
    const key = KEY[r.timeliness];
    d.timeliness[key] += r.n;
    const month = d.months[months.indexOf(r.month)];
    if (month) month[key] += r.n;
  }
  return {
    from: filter.from,
    to: filter.to,
    departments: [...byCode.values()].sort((a, b) => a.departmentCode.localeCompare(b.departmentCode)),
  };
}

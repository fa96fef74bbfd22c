import type { DepartmentRecordFigures, DepartmentSubmissionFigures, Rate, TimelinessCounts } from './dashboard-api';

export interface MonthFigures extends TimelinessCounts {
  month: string;
  batches: number;
  accepted: number;
  rejected: number;
}

/** One department's figures from both endpoints (or the district's, summed). */
export interface Figures {
  code: string;
  batches: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  total: number;
  overdue: number;
  unmatched: number;
  withdrawn: number;
  withdrawalsLate: number;
  timeliness: TimelinessCounts;
  months: MonthFigures[];
  reasons: Array<{ code: string; rows: number; example: { zh: string; en: string } }>;
  wrongOrDuplicateIdentifierRate: Rate;
  correctionRate: Rate;
}

const rate = (count: number, of: number): Rate => ({ count, of, rate: of === 0 ? null : count / of });

export function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i += 1)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

function empty(code: string, months: readonly string[]): Figures {
  return {
    code,
    batches: 0,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    total: 0,
    overdue: 0,
    unmatched: 0,
    withdrawn: 0,
    withdrawalsLate: 0,
    timeliness: { onTime: 0, late: 0, overdue: 0, pending: 0 },
    months: months.map((month) => ({
      month,
      batches: 0,
      accepted: 0,
      rejected: 0,
      onTime: 0,
      late: 0,
      overdue: 0,
      pending: 0,
    })),
    reasons: [],
    wrongOrDuplicateIdentifierRate: rate(0, 0),
    correctionRate: rate(0, 0),
  };
}

/** Joins the two answers by department code; `codes` lists departments to show even with nothing. */
export function combine(
  months: readonly string[],
  records: readonly DepartmentRecordFigures[],
  submissions: readonly DepartmentSubmissionFigures[],
  codes: readonly string[] = [],
): Figures[] {
  const byCode = new Map<string, Figures>();
  const get = (code: string) => {
    let f = byCode.get(code);
    if (!f) byCode.set(code, (f = empty(code, months)));
    return f;
  };
  for (const code of codes) get(code);
  for (const r of records) {
    const f = get(r.departmentCode);
    Object.assign(f, {
      total: r.total,
      overdue: r.overdue,
      unmatched: r.unmatched,
      withdrawn: r.withdrawn,
      withdrawalsLate: r.withdrawals.late,
      timeliness: { ...r.timeliness },
    });
    for (const m of r.months) {
      const target = f.months.find((x) => x.month === m.month);
      if (target) Object.assign(target, { onTime: m.onTime, late: m.late, overdue: m.overdue, pending: m.pending });
    }
  }
  for (const s of submissions) {
    const f = get(s.departmentCode);
    Object.assign(f, {
      batches: s.batches,
      rowsRead: s.rowsRead,
      rowsAccepted: s.rowsAccepted,
      rowsRejected: s.rowsRejected,
      reasons: s.reasons,
      wrongOrDuplicateIdentifierRate: s.wrongOrDuplicateIdentifierRate,
      correctionRate: s.correctionRate,
    });
    for (const m of s.months) {
      const target = f.months.find((x) => x.month === m.month);
      if (target) Object.assign(target, { batches: m.batches, accepted: m.accepted, rejected: m.rejected });
    }
  }
  return [...byCode.values()];
}

/** The district's figures: every department summed, rates recomputed from their counts. */
export function sum(code: string, months: readonly string[], all: readonly Figures[]): Figures {
  const out = empty(code, months);
  const reasons = new Map<string, Figures['reasons'][number]>();
  let wrong = 0;
  let corrected = 0;
  let rejectedRows = 0;
  for (const f of all) {
    out.batches += f.batches;
    out.rowsRead += f.rowsRead;
    out.rowsAccepted += f.rowsAccepted;
    out.rowsRejected += f.rowsRejected;
    out.total += f.total;
    out.overdue += f.overdue;
    out.unmatched += f.unmatched;
    out.withdrawn += f.withdrawn;
    out.withdrawalsLate += f.withdrawalsLate;
    for (const k of ['onTime', 'late', 'overdue', 'pending'] as const) out.timeliness[k] += f.timeliness[k];
    f.months.forEach((m, i) => {
      const target = out.months[i]!;
      for (const k of ['batches', 'accepted', 'rejected', 'onTime', 'late', 'overdue', 'pending'] as const)
        target[k] += m[k];
    });
    for (const r of f.reasons) {
      const seen = reasons.get(r.code);
      reasons.set(r.code, seen ? { ...seen, rows: seen.rows + r.rows } : { ...r });
    }
    wrong += f.wrongOrDuplicateIdentifierRate.count;
    corrected += f.correctionRate.count;
    rejectedRows += f.correctionRate.of;
  }
  out.reasons = [...reasons.values()].sort((a, b) => b.rows - a.rows).slice(0, 10);
  out.wrongOrDuplicateIdentifierRate = rate(wrong, out.rowsRead);
  out.correctionRate = rate(corrected, rejectedRows);
  return out;
}

/** `0.1234` → `12.3%`; null (nothing to divide by) → `—`. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

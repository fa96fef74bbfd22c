/**
 * China's working-day calendar over an in-memory snapshot: pure arithmetic, no
 * I/O, so that an import of a million rows loads the calendar once and then
 * computes every deadline without a query.
 *
 * The rule: Monday–Friday are working days, Saturday and Sunday rest days,
 * except the dates the State Council's yearly notice moves — a `holiday` is a
 * weekday off, a `workday` an adjusted working day (调休上班) on a weekend.
 *
 * A year not marked complete is computed from what is known — weekends, plus
 * any days already entered (usually none) — and is reported in `missingYears`,
 * so that the caller shows the warning; a holiday already entered is not
 * counted as a working day merely because the rest of its year is missing.
 */
import { invalidCalendarInput, dateOutOfRange } from './calendar.errors';
import {
  formatDayNumber,
  isWeekend,
  isoWeekdayOf,
  MAX_DAY,
  MIN_DAY,
  parseLegalDate,
  weekdayName,
  yearOf,
} from './legal-date';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDayEntry {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly nameZh: string;
  readonly nameEn: string;
}

export interface CalendarSnapshot {
  /** Every holiday and adjusted working day known, complete years or not. */
  readonly days: readonly CalendarDayEntry[];
  /** Years whose whole arrangement is entered (the notice was published and loaded). */
  readonly completeYears: readonly number[];
  /** The database's calendar version the snapshot was read at, if any. */
  readonly version?: string | null;
}

export interface WorkingDaysResult {
  readonly date: string;
  /**
   * Years the computation went through that have no complete holiday data:
   * there, only the entries known (usually none) and weekends were applied.
   * Callers must show a warning for each; the answer may be wrong.
   */
  readonly missingYears: number[];
}

export type DayStatus = 'weekday' | 'weekend' | 'holiday' | 'workday';

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly status: DayStatus;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: number;
  readonly weekdayName: { readonly zh: string; readonly en: string };
  readonly nameZh: string | null;
  readonly nameEn: string | null;
  readonly yearComplete: boolean;
}

/** Longest count accepted: about 40 years of working days, far beyond any legal period. */
export const MAX_COUNT = 10_000;

export class WorkingCalendar {
  private readonly entries = new Map<number, CalendarDayEntry>();
  private readonly complete: ReadonlySet<number>;
  readonly version: string | null;

  constructor(snapshot: CalendarSnapshot) {
    for (const entry of snapshot.days) this.entries.set(parseLegalDate(entry.date), entry);
    this.complete = new Set(snapshot.completeYears);
    this.version = snapshot.version ?? null;
  }

  /** No data at all: weekends only, every year missing. */
  static weekendsOnly(): WorkingCalendar {
    return new WorkingCalendar({ days: [], completeYears: [] });
  }

  get completeYears(): number[] {
    return [...this.complete].sort((a, b) => a - b);
  }

  isYearComplete(year: number): boolean {
    return this.complete.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.workingOn(parseLegalDate(date));
  }

  dayInfo(date: string): DayInfo {
    const day = parseLegalDate(date);
    const entry = this.entries.get(day);
    const weekend = isWeekend(day);
    // An entry that agrees with the weekday rule changes nothing and is not reported as one.
    const status: DayStatus =
      entry?.kind === 'holiday' && !weekend
        ? 'holiday'
        : entry?.kind === 'workday' && weekend
          ? 'workday'
          : weekend
            ? 'weekend'
            : 'weekday';
    const named = status === 'holiday' || status === 'workday';
    return {
      date,
      working: status === 'weekday' || status === 'workday',
      status,
      weekday: isoWeekdayOf(day),
      weekdayName: weekdayName(day),
      nameZh: named ? entry!.nameZh : null,
      nameEn: named ? entry!.nameEn : null,
      yearComplete: this.complete.has(yearOf(day)),
    };
  }

  /**
   * The date `n` working days after `date`.
   *
   * The given date is day 0 and is never counted, whether or not it is a
   * working day; counting starts the next day, skipping weekends and
   * holidays and counting adjusted working days (调休上班日). Legal basis:
   * 《民法典》第二百零一条 "按照年、月、日计算期间的，开始的当日不计入，自下一日
   * 开始计算"; the periods themselves are in working days — 《行政处罚法》第八十五条
   * ("二日""三日""五日""七日"…是指工作日，不含法定节假日) and 《行政许可法》第八十二条
   * (期限以工作日计算，不含法定节假日) — as is the double-publicity rule (published
   * within 7 working days of the decision). So a decision of Wednesday 2026-09-30
   * is due for publication on 2026-10-15: 10-08, 10-09, Saturday 10-10 (调休上班),
   * 10-12, 10-13, 10-14, 10-15. The result of n ≥ 1 is always a working day,
   * so 《民法典》第二百零三条 (a period ending on a holiday moves to the next day)
   * never needs applying; n = 0 returns `date` itself.
   */
  addWorkingDays(date: string, n: number): WorkingDaysResult {
    const start = parseLegalDate(date);
    assertCount(n, 0, MAX_COUNT);
    let day = start;
    for (let remaining = n; remaining > 0;) {
      day += 1;
      if (day > MAX_DAY) throw dateOutOfRange(date, { zh: `${n} 个工作日`, en: `${n} working days` });
      if (this.workingOn(day)) remaining -= 1;
    }
    return { date: formatDayNumber(day), missingYears: n === 0 ? [] : this.missingIn(start + 1, day) };
  }

  /**
   * How many working days lie after `from` up to and including `to` — the
   * inverse of `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n).date) === n`.
   * Negative when `to` is before `from`. Check `missingYearsBetween` for the warning.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = parseLegalDate(from, 'from');
    const b = parseLegalDate(to, 'to');
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) if (this.workingOn(day)) count += 1;
    return a <= b || count === 0 ? count : -count;
  }

  /** Years between the two dates (both included) without complete holiday data. */
  missingYearsBetween(from: string, to: string): number[] {
    const a = parseLegalDate(from, 'from');
    const b = parseLegalDate(to, 'to');
    return this.missingIn(Math.min(a, b), Math.max(a, b));
  }

  /**
   * Plain calendar-day arithmetic (`n` may be negative), for periods counted
   * in days rather than working days. Whether such a period ending on a rest
   * day moves on (《民法典》第二百零三条) is the caller's rule: see
   * `firstWorkingDayOnOrAfter`.
   */
  addCalendarDays(date: string, n: number): string {
    const start = parseLegalDate(date);
    assertCount(n, -MAX_COUNT * 2, MAX_COUNT * 2);
    const day = start + n;
    if (day < MIN_DAY || day > MAX_DAY) throw dateOutOfRange(date, { zh: `${n} 天`, en: `${n} days` });
    return formatDayNumber(day);
  }

  /**
   * `date` if it is a working day, else the next working day: how a period
   * whose last day is a rest day ends (《民法典》第二百零三条 "期间的最后一日是法定
   * 休假日的，以法定休假日结束的次日为期间的最后一日").
   */
  firstWorkingDayOnOrAfter(date: string): WorkingDaysResult {
    const start = parseLegalDate(date);
    let day = start;
    while (!this.workingOn(day)) {
      day += 1;
      if (day > MAX_DAY) throw dateOutOfRange(date, { zh: '顺延至工作日', en: 'Moving to a working day' });
    }
    return { date: formatDayNumber(day), missingYears: this.missingIn(start, day) };
  }

  private workingOn(day: number): boolean {
    const entry = this.entries.get(day);
    if (entry) return entry.kind === 'workday';
    return !isWeekend(day);
  }

  private missingIn(fromDay: number, toDay: number): number[] {
    const missing: number[] = [];
    for (let year = yearOf(fromDay), last = yearOf(toDay); year <= last; year += 1) {
      if (!this.complete.has(year)) missing.push(year);
    }
    return missing;
  }
}

function assertCount(n: number, min: number, max: number): void {
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw invalidCalendarInput([
      {
        field: 'days',
        code: 'calendar.invalid_count',
        message: {
          zh: `天数须为 ${min} 到 ${max} 之间的整数`,
          en: `the number of days must be a whole number from ${min} to ${max}`,
        },
        value: n,
      },
    ]);
  }
}

/**
 * The one place the records module reaches the working-day calendar, so that
 * the deadline arithmetic has a single seam. The calendar module owns the
 * holidays and adjusted working days (调休); nothing here knows any.
 */
import type { Executor } from '../../platform/db';
import { addCalendarDays } from './records.dates';

export interface DeadlineCalendar {
  /** `date` plus `n` working days (the start day is day 0); `missingYears`: years the calendar has no data for. */
  addWorkingDays(date: string, n: number): { date: string; missingYears: number[] };
}

/**
 * Loads the working calendar once per service call.
 *
 * Stand-in until `loadWorkingCalendar` lands in the calendar module: counts
 * Monday–Friday and reports every year it touched as missing, so callers
 * surface a warning instead of trusting weekends-only arithmetic.
 */
export async function loadDeadlineCalendar(_executor: Executor): Promise<DeadlineCalendar> {
  return {
    addWorkingDays(date, n) {
      let current = date;
      const years = new Set<number>([Number(date.slice(0, 4))]);
      for (let left = n; left > 0; ) {
        current = addCalendarDays(current, 1);
        years.add(Number(current.slice(0, 4)));
        const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6) left -= 1;
      }
      return { date: current, missingYears: [...years] };
    },
  };
}

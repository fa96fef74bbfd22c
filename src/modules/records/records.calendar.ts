/**
 * The one place the records module reaches the working-day calendar, so that
 * the deadline arithmetic has a single seam. The calendar module owns the
 * holidays and adjusted working days (调休); nothing here knows any.
 */
import type { Executor } from '../../platform/db';
import { loadWorkingCalendar } from '../calendar';

export interface DeadlineCalendar {
  /** `date` plus `n` working days (the start day is day 0); `missingYears`: years without complete data. */
  addWorkingDays(date: string, n: number): { readonly date: string; readonly missingYears: readonly number[] };
}

/** Loads the working calendar once per service call (the calendar module caches it per process). */
export async function loadDeadlineCalendar(executor: Executor): Promise<DeadlineCalendar> {
  return loadWorkingCalendar(executor);
}

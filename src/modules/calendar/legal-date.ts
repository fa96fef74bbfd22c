/**
 * Legal dates: plain `YYYY-MM-DD` calendar dates as written on a decision, in
 * China's civil time (Asia/Shanghai: UTC+8 all year, no DST since 1991).
 *
 * Arithmetic runs on day numbers (whole days since 1970-01-01, i.e. UTC
 * midnights divided by 86,400,000), never on local `Date` objects: a date
 * then cannot drift with the server's time zone or a DST change, and adding a
 * day is adding 1.
 */
import type { LocalizedText } from '../../platform/errors';
import { explainCalendarDate, MAX_YEAR, MIN_YEAR } from '../../platform/dates';
import { invalidDate } from './calendar.errors';

export { daysInMonth, isLeapYear, MAX_YEAR, MIN_YEAR } from '../../platform/dates';

const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The day number of a calendar date (no validation: use `parseLegalDate` on input). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export const MIN_DAY = dayNumberOf(MIN_YEAR, 1, 1);
export const MAX_DAY = dayNumberOf(MAX_YEAR, 12, 31);

/**
 * Why `value` is not a legal date, in both languages; null when it is one.
 * Returns instead of throwing so that an import can check a million rows cheaply.
 */
export function checkLegalDate(value: unknown): LocalizedText | null {
  const parsed = readLegalDate(value);
  return typeof parsed === 'number' ? null : parsed;
}

/** The day number of a legal date; throws `calendar.invalid_date` naming `field`. */
export function parseLegalDate(value: string, field = 'date'): number {
  const parsed = readLegalDate(value);
  if (typeof parsed !== 'number') throw invalidDate(field, value, parsed);
  return parsed;
}

function readLegalDate(value: unknown): number | LocalizedText {
  const why = explainCalendarDate(value);
  if (why) return why;
  const date = value as string;
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/**
 * Year, month and day of a day number, by integer arithmetic (H. Hinnant's
 * civil_from_days): no Date object per call, which matters over a million rows.
 */
function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** `YYYY-MM-DD` of a day number within MIN_YEAR..MAX_YEAR. */
export function formatDayNumber(dayNumber: number): string {
  const [year, month, day] = civilFromDays(dayNumber);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: number): number {
  return civilFromDays(day)[0];
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekdayOf(day: number): number {
  return weekdayOf(day) || 7;
}

export function weekdayName(day: number): LocalizedText {
  const weekday = weekdayOf(day);
  return { zh: WEEKDAYS_ZH[weekday]!, en: WEEKDAYS_EN[weekday]! };
}

/**
 * The legal date (Asia/Shanghai) of an instant: a decision signed at 01:00 on
 * 1 October in Beijing is dated 1 October, although it is still 30 September in UTC.
 */
export function legalDateAt(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

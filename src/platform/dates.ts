/**
 * Calendar dates written `YYYY-MM-DD`: the one check of "a real date" that the
 * HTTP edge (`platform/http/query-dates.ts`) and the working-day calendar share,
 * with a reason a person can act on (February 2026 has 28 days; there is no day 30).
 */
import type { LocalizedText } from './errors';

/** Years a date may have: enough for any decision, and 9999-12-31 ("no end"). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `value` is not a real calendar date `YYYY-MM-DD` (years MIN_YEAR..MAX_YEAR),
 * in both languages; null when it is one. Returns instead of throwing so that
 * an import can check a million rows cheaply.
 */
export function explainCalendarDate(value: unknown): LocalizedText | null {
  if (typeof value !== 'string') return { zh: '日期须为 YYYY-MM-DD 格式的文本', en: 'a date must be text YYYY-MM-DD' };
  const match = DATE_SHAPE.exec(value);
  if (!match) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return {
      zh: `日期须为 YYYY-MM-DD 格式（如 2026-09-30），收到“${shown}”`,
      en: `a date must be written YYYY-MM-DD (e.g. 2026-09-30), got "${shown}"`,
    };
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      zh: `年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间，收到 ${year}`,
      en: `the year must be between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}`,
    };
  }
  if (month < 1 || month > 12) {
    return { zh: `月份须为 01–12，收到 ${match[2]}`, en: `the month must be 01–12, got ${match[2]}` };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return {
      zh: `${year} 年 ${month} 月只有 ${last} 天，没有 ${day} 日`,
      en: `${MONTHS_EN[month - 1]} ${year} has ${last} days; there is no day ${day}`,
    };
  }
  return null;
}

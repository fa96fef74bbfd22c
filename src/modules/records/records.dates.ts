/**
 * Legal dates (`YYYY-MM-DD`, Asia/Shanghai) and the calendar-month arithmetic
 * of publication periods. Pure functions.
 */

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** China has kept UTC+8 all year since daylight saving time ended in September 1991. */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const OFFSET_MS = 8 * 3_600_000;
/** Past this, toISOString writes a six-digit year. */
const MAX_INSTANT = Date.UTC(9999, 11, 31);

/**
 * The date in Asia/Shanghai of an instant: receipt and publication dates are
 * legal dates there. Since 1992 that is UTC+8 arithmetic (a tenth of the
 * time of Intl formatting, which a public page paid for every record).
 */
export function shanghaiDate(instant: Date | string = new Date()): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (ms >= FIXED_OFFSET_SINCE && ms < MAX_INSTANT) return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
  return SHANGHAI.format(new Date(ms));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0–99 as 1900–1999; keep its answer there.
  if (year < 100) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `date` plus `months` calendar months. A period counted in months ends on
 * the corresponding day of the last month, or on that month's last day when
 * it has no such day (民法典 art. 202): 2026-01-31 + 1 month = 2026-02-28.
 */
export function addMonths(date: string, months: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function addCalendarDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

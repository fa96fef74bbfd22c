/**
 * Legal dates as departments type them — 2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日, 20240305 — or as Excel stores them (serial 45356), all to
 * `YYYY-MM-DD`. A date that does not exist (2023-02-29) is refused, never
 * rolled over to the next month as `Date` would.
 */
import type { LocalizedText } from '../../../platform/errors';
import { normalizeStructured } from './text-normalize';

export type DateErrorCode = 'date_invalid' | 'date_nonexistent';

export type DateResult =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly code: DateErrorCode; readonly reason: LocalizedText };

// Time of day after a date (exports from databases, XLSX date-times): dropped, legal dates have no time.
const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?';
const SEPARATED = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}$`);
const CHINESE = new RegExp(`^(\\d{4})年(\\d{1,2})月(\\d{1,2})日${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^(\d{1,7})(?:\.\d+)?$/;

/** Excel's day 61 is 1900-03-01; before it Excel counts a 29 February 1900 that never was. */
const FIRST_SERIAL = 61;
/** 9999-12-31, the last date Excel knows. */
const LAST_SERIAL = 2_958_465;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const invalid = (): DateResult => ({
  ok: false,
  code: 'date_invalid',
  reason: {
    zh: '日期格式无法识别，请填写如 2024-03-05',
    en: 'unrecognised date; write it like 2024-03-05',
  },
});

function fromParts(year: number, month: number, day: number): DateResult {
  if (year < 1000 || !isCalendarDate(year, month, day)) {
    return {
      ok: false,
      code: 'date_nonexistent',
      reason: {
        zh: `不存在的日期：${year}年${month}月${day}日`,
        en: `no such date: ${pad(year, 4)}-${pad(month)}-${pad(day)}`,
      },
    };
  }
  return { ok: true, date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Excel serial day number (1900 date system) to `YYYY-MM-DD`; the time fraction is dropped. */
export function excelSerialToDate(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < FIRST_SERIAL || day > LAST_SERIAL) return null;
  return new Date(EXCEL_EPOCH_MS + day * 86_400_000).toISOString().slice(0, 10);
}

export function parseDate(input: string): DateResult {
  const text = normalizeStructured(input);
  const parts = SEPARATED.exec(text);
  if (parts) return fromParts(Number(parts[1]), Number(parts[3]), Number(parts[4]));
  const chinese = CHINESE.exec(text);
  if (chinese) return fromParts(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  const compact = COMPACT.exec(text);
  if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (SERIAL.test(text)) {
    const date = excelSerialToDate(Number(text));
    return date ? { ok: true, date } : invalid();
  }
  return invalid();
}

/**
 * The calendar's services: loading the working calendar (cached per process),
 * reading coverage, and the audited writes operators make when the State
 * Council publishes or changes an arrangement.
 */
import { appendAudit } from '../../platform/audit';
import { hasPermission, type Caller } from '../../platform/context';
import type { Db, Executor } from '../../platform/db';
import { forbidden, type FieldError, type LocalizedText } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { calendarDayNotFound, invalidCalendarInput, kindMismatch, yearWithoutHolidays } from './calendar.errors';
import * as repo from './calendar.repository';
import { festivalNameEn } from './calendar.seed-data';
import { isoWeekdayOf, isWeekend, MAX_YEAR, MIN_YEAR, parseLegalDate, weekdayName } from './legal-date';
import { WorkingCalendar, type CalendarDayKind, type WorkingDaysResult } from './working-calendar';

export interface CalendarDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly nameZh: string;
  readonly nameEn: string;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface CalendarYearCoverage {
  readonly year: number;
  /** The whole arrangement is entered; otherwise deadlines in this year carry a warning. */
  readonly complete: boolean;
  /** The notice the data comes from (e.g. 国办发明电〔2025〕7号), when stated. */
  readonly source: string | null;
  readonly holidays: number;
  readonly workdays: number;
  readonly updatedAt: string | null;
}

export interface CalendarYearDetail extends CalendarYearCoverage {
  readonly days: CalendarDay[];
}

export interface SetCalendarDayInput {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly nameZh: string;
  /** Defaults to the festival's English name for the seven statutory festivals, else to `nameZh`. */
  readonly nameEn?: string | null;
}

export interface CalendarWarning {
  readonly code: 'calendar.year_missing';
  readonly year: number;
  readonly message: LocalizedText;
}

export interface LoadCalendarOptions {
  /**
   * How old the last "is my copy current?" check may be before another one is
   * made (default 30 s). Writes made in this process are seen at once; writes
   * from other instances within this bound. 0 checks on every call.
   */
  readonly maxStalenessMs?: number;
}

const MANAGE = 'calendar.manage';
const DEFAULT_MAX_STALENESS_MS = 30_000;
const CACHED_VERSIONS = 8;

/** Calendars by version stamp. Stamps are random per change, so one map serves every database of the process. */
const calendarsByStamp = new Map<string, WorkingCalendar>();
/** When each executor (a Kysely instance) last confirmed its stamp. */
const lastCheck = new WeakMap<object, { stamp: string; at: number; generation: number }>();
/** Bumped after every write this process commits: the next load checks the stamp again. */
let localGeneration = 0;

/** Forgets every "still current" confirmation: the next load re-reads the version. */
export function invalidateCalendarCache(): void {
  localGeneration += 1;
}

function remember(stamp: string, calendar: WorkingCalendar): void {
  calendarsByStamp.delete(stamp);
  calendarsByStamp.set(stamp, calendar);
  while (calendarsByStamp.size > CACHED_VERSIONS) {
    calendarsByStamp.delete(calendarsByStamp.keys().next().value!);
  }
}

/**
 * The working calendar as the database holds it, from a per-process cache
 * while the calendar's version stamp is unchanged. A load is one tiny query
 * (the stamp) at most every `maxStalenessMs`, or the full read after a change;
 * for bulk work, load once and call the calendar's methods per row.
 */
export async function loadWorkingCalendar(
  executor: Executor,
  options: LoadCalendarOptions = {},
): Promise<WorkingCalendar> {
  const maxStaleness = options.maxStalenessMs ?? DEFAULT_MAX_STALENESS_MS;
  const now = Date.now();
  const checked = lastCheck.get(executor);
  if (checked && checked.generation === localGeneration && now - checked.at < maxStaleness) {
    const cached = calendarsByStamp.get(checked.stamp);
    if (cached) return cached;
  }
  const generation = localGeneration;
  for (let attempt = 0; ; attempt += 1) {
    const { stamp } = await repo.selectVersion(executor);
    const cached = calendarsByStamp.get(stamp);
    if (cached) {
      lastCheck.set(executor, { stamp, at: now, generation });
      return cached;
    }
    const [days, completeYears] = await Promise.all([repo.selectAllDays(executor), repo.selectCompleteYears(executor)]);
    const calendar = new WorkingCalendar({
      days: days.map((d) => ({ date: d.date, kind: d.kind, nameZh: d.name_zh, nameEn: d.name_en })),
      completeYears,
      version: stamp,
    });
    // The reads are separate statements: cache only if no write slipped in between,
    // else a mix of two versions would be kept under one stamp.
    if ((await repo.selectVersion(executor)).stamp === stamp) {
      remember(stamp, calendar);
      lastCheck.set(executor, { stamp, at: now, generation });
      return calendar;
    }
    if (attempt >= 2) return calendar;
  }
}

/** One deadline: `n` working days after `date` (see `WorkingCalendar.addWorkingDays`). */
export async function addWorkingDays(executor: Executor, date: string, n: number): Promise<WorkingDaysResult> {
  parseLegalDate(date); // a bad date fails before any query
  return (await loadWorkingCalendar(executor)).addWorkingDays(date, n);
}

/** The warnings a caller must show for `missingYears` (zh and en). */
export function calendarWarnings(missingYears: readonly number[]): CalendarWarning[] {
  return missingYears.map((year) => ({
    code: 'calendar.year_missing',
    year,
    message: {
      zh: `${year} 年的节假日安排尚未完整录入，该年按周末（及已录入的个别日期）计算，结果可能不准确`,
      en: `The holiday arrangement for ${year} is not entered completely: that year was counted with weekends only (plus any days already entered), so the date may be wrong`,
    },
  }));
}

/** How many times the calendar has changed (a counter for people; caching uses the stamp). */
export async function calendarVersion(executor: Executor): Promise<number> {
  return (await repo.selectVersion(executor)).version;
}

/** Every year with data, complete or not, oldest first. */
export async function calendarCoverage(executor: Executor): Promise<CalendarYearCoverage[]> {
  const [years, days] = await Promise.all([repo.selectYears(executor), repo.selectAllDays(executor)]);
  const byYear = new Map<number, { holidays: number; workdays: number }>();
  for (const day of days) {
    const year = Number(day.date.slice(0, 4));
    const counts = byYear.get(year) ?? { holidays: 0, workdays: 0 };
    if (day.kind === 'holiday') counts.holidays += 1;
    else counts.workdays += 1;
    byYear.set(year, counts);
  }
  const rows = new Map(years.map((y) => [y.year, y]));
  const all = [...new Set([...rows.keys(), ...byYear.keys()])].sort((a, b) => a - b);
  return all.map((year) => coverageOf(year, rows.get(year), byYear.get(year)));
}

/** One year: its coverage and each holiday and adjusted working day. */
export async function getCalendarYear(executor: Executor, year: number): Promise<CalendarYearDetail> {
  assertYear(year, 'year');
  const [row, days] = await Promise.all([repo.selectYear(executor, year), repo.selectDaysOfYear(executor, year)]);
  const counts = {
    holidays: days.filter((d) => d.kind === 'holiday').length,
    workdays: days.filter((d) => d.kind === 'workday').length,
  };
  return { ...coverageOf(year, row, counts), days: days.map(presentDay) };
}

/**
 * Enters or changes one exception to the Monday–Friday rule. A holiday must
 * fall on a weekday and an adjusted working day on a weekend: anything else
 * would change nothing and is refused as a likely typing error.
 */
export async function setCalendarDay(db: Db, caller: Caller, input: SetCalendarDayInput): Promise<CalendarDay> {
  assertCanManage(caller);
  const day = parseLegalDate(input.date, 'date');
  const errors: FieldError[] = [];
  if ((input.kind as string) !== 'holiday' && (input.kind as string) !== 'workday') {
    errors.push({
      field: 'kind',
      code: 'calendar.invalid_kind',
      message: { zh: '类型须为 holiday（放假）或 workday（调休上班）', en: 'kind must be holiday or workday' },
      value: input.kind,
    });
  }
  const nameZh = (input.nameZh ?? '').trim();
  if (nameZh.length === 0 || nameZh.length > 50) {
    errors.push({
      field: 'nameZh',
      code: 'calendar.invalid_name',
      message: { zh: '中文名称须为 1–50 个字符', en: 'the Chinese name must have 1–50 characters' },
      value: input.nameZh,
    });
  }
  const nameEn = (input.nameEn ?? '').trim() || festivalNameEn(nameZh) || nameZh;
  if (nameEn.length > 100) {
    errors.push({
      field: 'nameEn',
      code: 'calendar.invalid_name',
      message: { zh: '英文名称最多 100 个字符', en: 'the English name may have at most 100 characters' },
      value: input.nameEn,
    });
  }
  if (errors.length) throw invalidCalendarInput(errors);
  const weekday = weekdayName(day);
  if (input.kind === 'holiday' && isWeekend(day)) {
    throw kindMismatch('kind', input.date, {
      zh: `该日是${weekday.zh}，本就休息；节假日只记录放假的工作日（周一至周五）`,
      en: `it is a ${weekday.en}, already a rest day; a holiday entry records a weekday (Monday–Friday) off`,
    });
  }
  if (input.kind === 'workday' && !isWeekend(day)) {
    throw kindMismatch('kind', input.date, {
      zh: `该日是${weekday.zh}，本就上班；调休上班日只记录需上班的周六或周日`,
      en: `it is a ${weekday.en}, already a working day; an adjusted working day is a Saturday or Sunday worked`,
    });
  }
  const at = nowIso();
  const row: repo.CalendarDayRow = {
    date: input.date,
    kind: input.kind,
    name_zh: nameZh,
    name_en: nameEn,
    updated_at: at,
    updated_by: caller.actor.name,
  };
  await db.transaction(async (tx) => {
    const before = await repo.selectDay(tx, input.date);
    await repo.upsertDay(tx, row);
    await repo.bumpVersion(tx, at);
    await appendAudit(tx, caller, {
      action: 'calendar.day.set',
      targetType: 'calendar_day',
      targetId: input.date,
      detail: {
        before: before ? { kind: before.kind, nameZh: before.name_zh, nameEn: before.name_en } : null,
        after: { kind: row.kind, nameZh: row.name_zh, nameEn: row.name_en },
      },
    });
  });
  invalidateCalendarCache();
  return presentDay(row);
}

/** Removes an exception: the date follows the Monday–Friday rule again. Returns what was removed. */
export async function removeCalendarDay(db: Db, caller: Caller, date: string): Promise<CalendarDay> {
  assertCanManage(caller);
  parseLegalDate(date, 'date');
  const removed = await db.transaction(async (tx) => {
    const before = await repo.selectDay(tx, date);
    if (!before) throw calendarDayNotFound(date);
    const at = nowIso();
    await repo.deleteDay(tx, date);
    await repo.bumpVersion(tx, at);
    await appendAudit(tx, caller, {
      action: 'calendar.day.remove',
      targetType: 'calendar_day',
      targetId: date,
      detail: { before: { kind: before.kind, nameZh: before.name_zh, nameEn: before.name_en } },
    });
    return before;
  });
  invalidateCalendarCache();
  return presentDay(removed);
}

/**
 * Declares a year's arrangement fully entered, citing its source (the notice
 * number): deadlines in that year stop carrying the missing-data warning.
 */
export async function markYearComplete(
  db: Db,
  caller: Caller,
  year: number,
  source: string,
): Promise<CalendarYearCoverage> {
  assertCanManage(caller);
  assertYear(year, 'year');
  const cited = (source ?? '').trim();
  if (cited.length === 0 || cited.length > 200) {
    throw invalidCalendarInput([
      {
        field: 'source',
        code: 'calendar.source_required',
        message: {
          zh: '须注明来源（如 国办发明电〔2025〕7号），1–200 个字符',
          en: 'state the source (e.g. the notice number 国办发明电〔2025〕7号), 1–200 characters',
        },
        value: source,
      },
    ]);
  }
  const at = nowIso();
  await db.transaction(async (tx) => {
    const days = await repo.selectDaysOfYear(tx, year);
    if (!days.some((d) => d.kind === 'holiday')) throw yearWithoutHolidays(year);
    const before = await repo.selectYear(tx, year);
    await repo.upsertYear(tx, { year, complete: 1, source: cited, updated_at: at });
    await repo.bumpVersion(tx, at);
    await appendAudit(tx, caller, {
      action: 'calendar.year.complete',
      targetType: 'calendar_year',
      targetId: String(year),
      detail: {
        before: before ? { complete: before.complete === 1, source: before.source } : null,
        after: { complete: true, source: cited },
      },
    });
  });
  invalidateCalendarCache();
  const detail = await getCalendarYear(db.kysely, year);
  return {
    year,
    complete: detail.complete,
    source: detail.source,
    holidays: detail.holidays,
    workdays: detail.workdays,
    updatedAt: detail.updatedAt,
  };
}

function assertCanManage(caller: Caller): void {
  if (!hasPermission(caller.actor, MANAGE)) throw forbidden(MANAGE);
}

function assertYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidCalendarInput([
      {
        field,
        code: 'calendar.invalid_year',
        message: {
          zh: `年份须为 ${MIN_YEAR}–${MAX_YEAR} 的整数`,
          en: `the year must be a whole number ${MIN_YEAR}–${MAX_YEAR}`,
        },
        value: year,
      },
    ]);
  }
}

function coverageOf(
  year: number,
  row: repo.CalendarYearRow | undefined,
  counts: { holidays: number; workdays: number } | undefined,
): CalendarYearCoverage {
  return {
    year,
    complete: row?.complete === 1,
    source: row?.source ?? null,
    holidays: counts?.holidays ?? 0,
    workdays: counts?.workdays ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

function presentDay(row: repo.CalendarDayRow): CalendarDay {
  return {
    date: row.date,
    kind: row.kind,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    weekday: isoWeekdayOf(parseLegalDate(row.date)),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

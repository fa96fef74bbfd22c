import { tables, type Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { CalendarDayKind } from './working-calendar';

export interface CalendarDaysTable {
  date: string;
  kind: CalendarDayKind;
  name_zh: string;
  name_en: string;
  updated_at: string;
  updated_by: string;
}

export interface CalendarYearsTable {
  year: number;
  complete: number;
  source: string | null;
  updated_at: string;
}

export interface CalendarVersionTable {
  id: number;
  version: number;
  stamp: string;
  updated_at: string;
}

export interface CalendarTables {
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  calendar_version: CalendarVersionTable;
}

export type CalendarDayRow = CalendarDaysTable;
export type CalendarYearRow = CalendarYearsTable;

const db = (executor: Executor) => tables<CalendarTables>(executor);

export async function selectVersion(executor: Executor): Promise<CalendarVersionTable> {
  return db(executor).selectFrom('calendar_version').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Marks the calendar changed; inside the writing transaction, so the stamp moves exactly when the data does. */
export async function bumpVersion(tx: Executor, at: string): Promise<void> {
  await db(tx)
    .updateTable('calendar_version')
    .set((eb) => ({ version: eb('version', '+', 1), stamp: newId(), updated_at: at }))
    .where('id', '=', 1)
    .execute();
}

export async function selectAllDays(executor: Executor): Promise<CalendarDayRow[]> {
  return db(executor).selectFrom('calendar_days').selectAll().orderBy('date').execute();
}

/** Days of one year: dates are fixed-width text, so a text range selects them on every dialect. */
export async function selectDaysOfYear(executor: Executor, year: number): Promise<CalendarDayRow[]> {
  return db(executor)
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

export async function selectDay(executor: Executor, date: string): Promise<CalendarDayRow | undefined> {
  return db(executor).selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

export async function upsertDay(tx: Executor, row: CalendarDayRow): Promise<void> {
  await db(tx)
    .insertInto('calendar_days')
    .values(row)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({
        kind: row.kind,
        name_zh: row.name_zh,
        name_en: row.name_en,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

/** Inserts the days not present yet; an existing day (an operator's entry) is left as it is. */
export async function insertMissingDays(tx: Executor, rows: readonly CalendarDayRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const existing = new Set(
    (
      await db(tx)
        .selectFrom('calendar_days')
        .select('date')
        .where(
          'date',
          'in',
          rows.map((r) => r.date),
        )
        .execute()
    ).map((r) => r.date),
  );
  const missing = rows.filter((r) => !existing.has(r.date));
  if (missing.length === 0) return 0;
  await db(tx)
    .insertInto('calendar_days')
    .values(missing)
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
  return missing.length;
}

export async function deleteDay(tx: Executor, date: string): Promise<void> {
  await db(tx).deleteFrom('calendar_days').where('date', '=', date).execute();
}

export async function selectYears(executor: Executor): Promise<CalendarYearRow[]> {
  return db(executor).selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function selectYear(executor: Executor, year: number): Promise<CalendarYearRow | undefined> {
  return db(executor).selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function selectCompleteYears(executor: Executor): Promise<number[]> {
  const rows = await db(executor).selectFrom('calendar_years').select('year').where('complete', '=', 1).execute();
  return rows.map((r) => r.year);
}

/** Plain insert: a concurrent seeder of the same year fails on the key and rolls back. */
export async function insertYear(tx: Executor, row: CalendarYearRow): Promise<void> {
  await db(tx).insertInto('calendar_years').values(row).execute();
}

export async function upsertYear(tx: Executor, row: CalendarYearRow): Promise<void> {
  await db(tx)
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ complete: row.complete, source: row.source, updated_at: row.updated_at }),
    )
    .execute();
}

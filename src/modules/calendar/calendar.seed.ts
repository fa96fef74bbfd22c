/**
 * Loads the State Council's arrangements (calendar.seed-data.ts) at every
 * boot. A year is loaded once — when it has no calendar_years row yet — and
 * from then on belongs to the operators: a day they changed or removed, or a
 * year they marked themselves, is never touched again. A day an operator
 * entered before the seed arrived is kept as they entered it.
 */
import { appendAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import { isUniqueViolation, type Db } from '../../platform/db';
import { nowIso } from '../../platform/ids';
import { bumpVersion, insertMissingDays, insertYear, selectYears } from './calendar.repository';
import { HOLIDAY_NOTICES, noticeDays, type HolidayNotice } from './calendar.seed-data';
import { invalidateCalendarCache } from './calendar.service';

/** Loads the notices whose year is not in the database yet; returns the years loaded. */
export async function seedCalendar(db: Db, notices: readonly HolidayNotice[] = HOLIDAY_NOTICES): Promise<number[]> {
  const known = new Set((await selectYears(db.kysely)).map((y) => y.year));
  const caller = systemCaller('seed');
  const loaded: number[] = [];
  for (const notice of notices) {
    if (known.has(notice.year)) continue;
    const days = noticeDays(notice);
    try {
      await db.transaction(async (tx) => {
        const at = nowIso();
        const inserted = await insertMissingDays(
          tx,
          days.map((d) => ({
            date: d.date,
            kind: d.kind,
            name_zh: d.nameZh,
            name_en: d.nameEn,
            updated_at: at,
            updated_by: caller.actor.name,
          })),
        );
        await insertYear(tx, { year: notice.year, complete: 1, source: notice.source, updated_at: at });
        await bumpVersion(tx, at);
        await appendAudit(tx, caller, {
          action: 'calendar.year.seed',
          targetType: 'calendar_year',
          targetId: String(notice.year),
          detail: {
            source: notice.source,
            title: notice.title,
            days: days.length,
            keptExisting: days.length - inserted,
          },
        });
      });
      loaded.push(notice.year);
    } catch (error) {
      // Another process booting at the same time loaded it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  if (loaded.length) invalidateCalendarCache();
  return loaded;
}

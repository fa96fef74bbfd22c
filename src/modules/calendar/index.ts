/**
 * calendar: China's working-day calendar — the State Council's yearly holiday
 * arrangements (weekdays off and adjusted working days 调休), which years are
 * complete — and legal-deadline arithmetic over it (publication within 7
 * working days of a decision, and the like). Other modules load the calendar
 * once (`loadWorkingCalendar`) and compute in memory; every answer lists the
 * years it had no complete data for, which callers must show.
 */
import type { XinyongModule } from '../../platform/module';
import { calendarCommands } from './calendar.command';
import { calendarMigrations } from './calendar.migrations';
import { calendarRoutes } from './calendar.routes';
import { seedCalendar } from './calendar.seed';

export const calendarModule: XinyongModule = {
  name: 'calendar',
  migrations: calendarMigrations,
  registerRoutes: calendarRoutes,
  registerCommands: calendarCommands,
  async seed(deps) {
    await seedCalendar(deps.db);
  },
};

export {
  WorkingCalendar,
  MAX_COUNT,
  type CalendarDayEntry,
  type CalendarDayKind,
  type CalendarSnapshot,
  type DayInfo,
  type DayStatus,
  type WorkingDaysResult,
} from './working-calendar';
export {
  loadWorkingCalendar,
  invalidateCalendarCache,
  addWorkingDays,
  calendarWarnings,
  calendarCoverage,
  calendarVersion,
  getCalendarYear,
  setCalendarDay,
  removeCalendarDay,
  markYearComplete,
  type CalendarDay,
  type CalendarWarning,
  type CalendarYearCoverage,
  type CalendarYearDetail,
  type LoadCalendarOptions,
  type SetCalendarDayInput,
} from './calendar.service';
export { checkLegalDate, parseLegalDate, legalDateAt } from './legal-date';
export { seedCalendar } from './calendar.seed';
export { HOLIDAY_NOTICES, type HolidayNotice, type HolidayPeriod } from './calendar.seed-data';

import { callerOf, problemSchema, requestLang, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import * as schemas from './calendar.schemas';
import {
  calendarCoverage,
  calendarVersion,
  calendarWarnings,
  getCalendarYear,
  loadWorkingCalendar,
  markYearComplete,
  removeCalendarDay,
  setCalendarDay,
  type CalendarDay,
} from './calendar.service';
import { parseLegalDate } from './legal-date';

const tags = ['calendar'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

// Who changed a day is in the audit log; the public calendar shows what and when.
const presentDay = ({ updatedBy: _by, ...day }: CalendarDay) => day;

export function calendarRoutes(app: HttpServer, deps: AppDeps): void {
  app.get(
    '/calendar/years',
    {
      schema: {
        tags,
        summary: 'Years with holiday data, complete or not, and their sources',
        querystring: schemas.yearsQuery,
        response: { 200: schemas.yearsResponse },
      },
    },
    async () => {
      const [items, version] = await Promise.all([calendarCoverage(deps.db.kysely), calendarVersion(deps.db.kysely)]);
      return { items, version };
    },
  );

  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: "One year's holidays (weekdays off) and adjusted working days (weekends worked)",
        querystring: schemas.daysQuery,
        response: { 200: schemas.daysResponse, 400: problemSchema },
      },
    },
    async (request) => {
      const detail = await getCalendarYear(deps.db.kysely, request.query.year);
      return { ...detail, days: detail.days.map(presentDay) };
    },
  );

  app.put(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Enter or change a holiday or adjusted working day (calendar.manage)',
        params: schemas.dayParams,
        body: schemas.setDayBody,
        response: { 200: schemas.calendarDaySchema, ...errors },
      },
    },
    async (request) => {
      requirePermission(request, 'calendar.manage');
      parseLegalDate(request.params.date, 'params.date');
      const day = await setCalendarDay(deps.db, callerOf(request), { date: request.params.date, ...request.body });
      return presentDay(day);
    },
  );

  app.delete(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Remove an entry: the date follows the Monday–Friday rule again (calendar.manage)',
        params: schemas.dayParams,
        response: { 204: schemas.noContent, ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'calendar.manage');
      parseLegalDate(request.params.date, 'params.date');
      await removeCalendarDay(deps.db, callerOf(request), request.params.date);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/calendar/years/:year/complete',
    {
      schema: {
        tags,
        summary: "Mark a year's arrangement as fully entered, citing its source (calendar.manage)",
        params: schemas.yearParams,
        body: schemas.completeYearBody,
        response: { 200: schemas.calendarYearSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'calendar.manage');
      return markYearComplete(deps.db, callerOf(request), request.params.year, request.body.source);
    },
  );

  app.get(
    '/calendar/add-working-days',
    {
      schema: {
        tags,
        summary: 'The date N working days after a date (the date itself is day 0), with holidays and 调休',
        querystring: schemas.addWorkingDaysQuery,
        response: { 200: schemas.addWorkingDaysResponse, 400: problemSchema },
      },
    },
    async (request) => {
      const { from, days } = request.query;
      parseLegalDate(from, 'querystring.from');
      const result = (await loadWorkingCalendar(deps.db.kysely)).addWorkingDays(from, days);
      const lang = requestLang(request);
      return {
        from,
        days,
        date: result.date,
        warnings: calendarWarnings(result.missingYears).map((w) => ({ ...w, message: w.message[lang] })),
      };
    },
  );
}

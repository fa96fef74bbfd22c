import { AppError, type FieldError, type LocalizedText } from '../../platform/errors';

export const invalidDate = (field: string, value: unknown, why: LocalizedText): AppError =>
  new AppError(
    'calendar.invalid_date',
    400,
    { zh: `${field} 不是有效日期：${why.zh}`, en: `${field} is not a valid date: ${why.en}` },
    { errors: [{ field, code: 'calendar.invalid_date', message: why, value }] },
  );

export const invalidCalendarInput = (errors: readonly FieldError[]): AppError =>
  new AppError(
    'calendar.invalid',
    400,
    {
      zh: `日历输入有误：${errors.map((e) => `${e.field} ${e.message.zh}`).join('；')}`,
      en: `Invalid calendar input: ${errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}`,
    },
    { errors },
  );

/** A holiday on a weekend, or an adjusted working day on a weekday: the entry would change nothing. */
export const kindMismatch = (field: string, date: string, why: LocalizedText): AppError =>
  new AppError(
    'calendar.kind_mismatch',
    400,
    { zh: `${date}：${why.zh}`, en: `${date}: ${why.en}` },
    { errors: [{ field, code: 'calendar.kind_mismatch', message: why, value: date }] },
  );

export const dateOutOfRange = (from: string, what: LocalizedText): AppError =>
  new AppError(
    'calendar.out_of_range',
    400,
    {
      zh: `从 ${from} 起算${what.zh}，结果超出 1900–9999 年的范围`,
      en: `${what.en} from ${from} falls outside the years 1900–9999`,
    },
    { details: { from } },
  );

export const calendarDayNotFound = (date: string): AppError =>
  new AppError(
    'calendar.day_not_found',
    404,
    {
      zh: `${date} 没有节假日或调休记录（该日按周一至周五上班、周六周日休息的常规处理）`,
      en: `${date} has no holiday or adjusted-working-day entry (it follows the Monday–Friday rule)`,
    },
    { details: { date } },
  );

export const yearWithoutHolidays = (year: number): AppError =>
  new AppError(
    'calendar.year_empty',
    409,
    {
      zh: `${year} 年还没有任何节假日记录，不能标记为完整；请先按国务院办公厅通知录入放假和调休日期`,
      en: `${year} has no holiday entries yet, so it cannot be marked complete; enter the State Council's holiday and adjusted-working-day dates first`,
    },
    { details: { year } },
  );

import { z } from 'zod';

// Dates are checked by the calendar (parseLegalDate), which names the field and
// explains the problem in both languages (e.g. "February 2026 has 28 days").
const legalDate = z.string().max(40).describe('A legal date YYYY-MM-DD (Asia/Shanghai), e.g. 2026-09-30');
const lang = z.enum(['zh', 'en']).optional();
const year = z.coerce.number().int().min(1900).max(9999);
const dayKind = z
  .enum(['holiday', 'workday'])
  .describe('holiday: a weekday off; workday: a weekend day worked (调休上班)');

export const calendarDaySchema = z
  .object({
    date: z.string(),
    kind: dayKind,
    nameZh: z.string(),
    nameEn: z.string(),
    weekday: z.number().int().min(1).max(7).describe('ISO weekday, Monday = 1'),
    updatedAt: z.string(),
  })
  .meta({ id: 'CalendarDay' });

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    complete: z.boolean().describe('The whole arrangement is entered; otherwise deadlines in it carry a warning'),
    source: z.string().nullable().describe('The State Council notice the data comes from'),
    holidays: z.number().int(),
    workdays: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarYear' });

export const yearsQuery = z.strictObject({ lang });
export const yearsResponse = z.object({
  items: z.array(calendarYearSchema),
  version: z.number().int().describe('Counts calendar changes'),
});

export const daysQuery = z.strictObject({ year, lang });
export const daysResponse = calendarYearSchema.extend({ days: z.array(calendarDaySchema) });

export const dayParams = z.strictObject({ date: legalDate });
export const setDayBody = z
  .strictObject({
    kind: dayKind,
    nameZh: z.string().trim().min(1).max(50).describe('e.g. 春节'),
    nameEn: z
      .string()
      .trim()
      .max(100)
      .optional()
      .describe("Defaults to the festival's English name (e.g. Spring Festival) or to nameZh"),
  })
  .meta({ id: 'SetCalendarDay' });

export const yearParams = z.strictObject({ year });
export const completeYearBody = z
  .strictObject({ source: z.string().trim().min(1).max(200).describe('e.g. 国办发明电〔2025〕7号') })
  .meta({ id: 'CompleteCalendarYear' });

export const addWorkingDaysQuery = z.strictObject({
  from: legalDate.describe('The decision date: day 0, never counted'),
  days: z.coerce.number().int().min(0).max(10_000),
  lang,
});

export const calendarWarningSchema = z.object({
  code: z.literal('calendar.year_missing'),
  year: z.number().int(),
  message: z.string(),
});

export const addWorkingDaysResponse = z
  .object({
    from: z.string(),
    days: z.number().int(),
    date: z.string().describe('The last day of the period: the `days`-th working day after `from`'),
    warnings: z.array(calendarWarningSchema).describe('One per year without complete holiday data'),
  })
  .meta({ id: 'WorkingDaysDeadline' });

export const noContent = z.null().describe('No content');

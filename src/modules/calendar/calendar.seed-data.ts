/**
 * The State Council's yearly holiday arrangements (国务院办公厅关于 YYYY 年部分节假日
 * 安排的通知), written as the notices write them: each holiday period from its
 * first to its last day off, weekends included, and the weekend days worked
 * instead. `noticeDays` derives what the calendar stores — the weekdays off
 * and the weekend working days — so that a reviewer compares this file with
 * the notice line by line, and calendar tests check the derived dates against
 * an independent hand-written list.
 *
 * A year is added only from its published notice, never guessed: a year
 * missing here is computed weekends-only and every answer says so. Add the
 * next year when its notice appears (usually October–December), or enter it
 * through `xinyong calendar set` / PUT /api/v1/calendar/days/:date and mark it
 * complete. A seeded year is loaded once and then belongs to the operators: a
 * later correction here does not overwrite their data (see calendar.seed.ts).
 */
import { formatDayNumber, isWeekend, parseLegalDate } from './legal-date';
import type { CalendarDayEntry } from './working-calendar';

export interface HolidayPeriod {
  readonly nameZh: string;
  readonly nameEn: string;
  /** First and last day off as the notice states them (放假调休 … 共 N 天). */
  readonly from: string;
  readonly to: string;
  /** Weekend days worked instead (… 上班). */
  readonly workdays: readonly string[];
}

export interface HolidayNotice {
  readonly year: number;
  /** The notice number (文号), stored as the year's source. */
  readonly source: string;
  readonly title: string;
  readonly issuedOn: string;
  readonly periods: readonly HolidayPeriod[];
}

const NEW_YEAR = { nameZh: '元旦', nameEn: "New Year's Day" };
const SPRING = { nameZh: '春节', nameEn: 'Spring Festival' };
const QINGMING = { nameZh: '清明节', nameEn: 'Qingming Festival' };
const LABOUR = { nameZh: '劳动节', nameEn: 'Labour Day' };
const DRAGON_BOAT = { nameZh: '端午节', nameEn: 'Dragon Boat Festival' };
const MID_AUTUMN = { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival' };
const NATIONAL = { nameZh: '国庆节', nameEn: 'National Day' };

export const HOLIDAY_NOTICES: readonly HolidayNotice[] = [
  {
    year: 2023,
    source: '国办发明电〔2022〕16号',
    title: '国务院办公厅关于2023年部分节假日安排的通知',
    issuedOn: '2022-12-08',
    periods: [
      // 2022-12-31 (Saturday) to 2023-01-02: only Monday 1-02 is a weekday off.
      { ...NEW_YEAR, from: '2022-12-31', to: '2023-01-02', workdays: [] },
      { ...SPRING, from: '2023-01-21', to: '2023-01-27', workdays: ['2023-01-28', '2023-01-29'] },
      { ...QINGMING, from: '2023-04-05', to: '2023-04-05', workdays: [] },
      { ...LABOUR, from: '2023-04-29', to: '2023-05-03', workdays: ['2023-04-23', '2023-05-06'] },
      { ...DRAGON_BOAT, from: '2023-06-22', to: '2023-06-24', workdays: ['2023-06-25'] },
      {
        nameZh: '中秋节、国庆节',
        nameEn: 'Mid-Autumn Festival and National Day',
        from: '2023-09-29',
        to: '2023-10-06',
        workdays: ['2023-10-07', '2023-10-08'],
      },
    ],
  },
  {
    year: 2024,
    source: '国办发明电〔2023〕7号',
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    issuedOn: '2023-10-25',
    periods: [
      { ...NEW_YEAR, from: '2024-01-01', to: '2024-01-01', workdays: [] },
      // New Year's Eve (2-09, a Friday) is a working day: the notice only encourages leave.
      { ...SPRING, from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
      { ...QINGMING, from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
      { ...LABOUR, from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
      { ...DRAGON_BOAT, from: '2024-06-10', to: '2024-06-10', workdays: [] },
      { ...MID_AUTUMN, from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
      { ...NATIONAL, from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    // The first year under the amended 《全国年节及纪念日放假办法》 (2024-11): one more
    // day each for the Spring Festival (New Year's Eve) and Labour Day (May 2).
    year: 2025,
    source: '国办发明电〔2024〕12号',
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    issuedOn: '2024-11-12',
    periods: [
      { ...NEW_YEAR, from: '2025-01-01', to: '2025-01-01', workdays: [] },
      { ...SPRING, from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
      { ...QINGMING, from: '2025-04-04', to: '2025-04-06', workdays: [] },
      { ...LABOUR, from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
      { ...DRAGON_BOAT, from: '2025-05-31', to: '2025-06-02', workdays: [] },
      {
        nameZh: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
        from: '2025-10-01',
        to: '2025-10-08',
        workdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    source: '国办发明电〔2025〕7号',
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    issuedOn: '2025-11-04',
    periods: [
      { ...NEW_YEAR, from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
      { ...SPRING, from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
      { ...QINGMING, from: '2026-04-04', to: '2026-04-06', workdays: [] },
      { ...LABOUR, from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
      { ...DRAGON_BOAT, from: '2026-06-19', to: '2026-06-21', workdays: [] },
      { ...MID_AUTUMN, from: '2026-09-25', to: '2026-09-27', workdays: [] },
      { ...NATIONAL, from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

/**
 * The entries a notice makes: each weekday inside a holiday period (weekends
 * there are rest days anyway) and each weekend day worked. Throws on a notice
 * that lists a weekday as a working day: a transcription error.
 */
export function noticeDays(notice: HolidayNotice): CalendarDayEntry[] {
  const days: CalendarDayEntry[] = [];
  for (const period of notice.periods) {
    const last = parseLegalDate(period.to);
    for (let day = parseLegalDate(period.from); day <= last; day += 1) {
      if (!isWeekend(day)) {
        days.push({ date: formatDayNumber(day), kind: 'holiday', nameZh: period.nameZh, nameEn: period.nameEn });
      }
    }
    for (const date of period.workdays) {
      if (!isWeekend(parseLegalDate(date)))
        throw new Error(`${notice.source}: ${date} is listed as worked but is a weekday`);
      days.push({ date, kind: 'workday', nameZh: period.nameZh, nameEn: period.nameEn });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

const FESTIVALS = [NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL];

/** The English name of a festival named in Chinese, when it is one of the seven. */
export function festivalNameEn(nameZh: string): string | undefined {
  return FESTIVALS.find((f) => f.nameZh === nameZh.trim())?.nameEn;
}

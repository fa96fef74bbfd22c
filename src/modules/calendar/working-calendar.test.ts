import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HOLIDAY_NOTICES, noticeDays } from './calendar.seed-data';
import { checkLegalDate, formatDayNumber, legalDateAt, parseLegalDate, weekdayOf } from './legal-date';
import { WorkingCalendar } from './working-calendar';

const seeded = new WorkingCalendar({
  days: HOLIDAY_NOTICES.flatMap(noticeDays),
  completeYears: HOLIDAY_NOTICES.map((n) => n.year),
});
const weekendsOnly = WorkingCalendar.weekendsOnly();

/**
 * The weekdays off and the weekends worked, written out by hand from each
 * notice, independently of the period notation in calendar.seed-data.ts.
 */
const EXPECTED: Record<number, { holidays: string[]; workdays: string[] }> = {
  2023: {
    holidays: [
      '01-02',
      ...['01-23', '01-24', '01-25', '01-26', '01-27'],
      '04-05',
      ...['05-01', '05-02', '05-03'],
      ...['06-22', '06-23'],
      ...['09-29', '10-02', '10-03', '10-04', '10-05', '10-06'],
    ],
    workdays: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  2024: {
    holidays: [
      '01-01',
      ...['02-12', '02-13', '02-14', '02-15', '02-16'],
      ...['04-04', '04-05'],
      ...['05-01', '05-02', '05-03'],
      '06-10',
      ...['09-16', '09-17'],
      ...['10-01', '10-02', '10-03', '10-04', '10-07'],
    ],
    workdays: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    holidays: [
      '01-01',
      ...['01-28', '01-29', '01-30', '01-31', '02-03', '02-04'],
      '04-04',
      ...['05-01', '05-02', '05-05'],
      '06-02',
      ...['10-01', '10-02', '10-03', '10-06', '10-07', '10-08'],
    ],
    workdays: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    holidays: [
      ...['01-01', '01-02'],
      ...['02-16', '02-17', '02-18', '02-19', '02-20', '02-23'],
      '04-06',
      ...['05-01', '05-04', '05-05'],
      '06-19',
      '09-25',
      ...['10-01', '10-02', '10-05', '10-06', '10-07'],
    ],
    workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

describe('seed data: the State Council notices', () => {
  it.each(HOLIDAY_NOTICES.map((n) => [n.year, n] as const))('%i matches the notice day by day', (year, notice) => {
    const days = noticeDays(notice);
    const expected = EXPECTED[year]!;
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual(
      expected.holidays.map((md) => `${year}-${md}`),
    );
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(
      expected.workdays.map((md) => `${year}-${md}`),
    );
    // Every statutory day is either a weekday off or compensated by one, and
    // every extra weekday off is paid back by a weekend worked: 11 statutory
    // days a year until 2024, 13 from 2025 (Spring Festival's eve, May 2).
    const statutory = year >= 2025 ? 13 : 11;
    expect(expected.holidays.length - expected.workdays.length).toBe(statutory);
  });

  it('cites each notice number', () => {
    expect(Object.fromEntries(HOLIDAY_NOTICES.map((n) => [n.year, n.source]))).toEqual({
      2023: '国办发明电〔2022〕16号',
      2024: '国办发明电〔2023〕7号',
      2025: '国办发明电〔2024〕12号',
      2026: '国办发明电〔2025〕7号',
    });
  });
});

describe('WorkingCalendar', () => {
  it('publishes a decision of 2026-09-30 by 2026-10-15 (National Day, Saturday 10-10 worked)', () => {
    expect(seeded.addWorkingDays('2026-09-30', 7)).toEqual({ date: '2026-10-15', missingYears: [] });
    // Weekends only would be wrong by a week.
    expect(weekendsOnly.addWorkingDays('2026-09-30', 7).date).toBe('2026-10-09');
  });

  it('knows Mid-Autumn 2026 and the Sunday worked before it', () => {
    expect(seeded.addWorkingDays('2026-09-24', 1).date).toBe('2026-09-28');
    expect(seeded.addWorkingDays('2026-09-18', 1).date).toBe('2026-09-20'); // Sunday worked
    expect(seeded.addWorkingDays('2026-09-18', 2).date).toBe('2026-09-21');
    expect(seeded.isWorkingDay('2026-09-25')).toBe(false);
    expect(seeded.isWorkingDay('2026-09-20')).toBe(true);
  });

  it('knows Spring Festival 2026 (nine days) and its two Saturdays worked', () => {
    expect(seeded.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(seeded.addWorkingDays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(seeded.addWorkingDays('2026-02-12', 7).date).toBe('2026-02-28');
    expect(seeded.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(seeded.dayInfo('2026-02-16')).toMatchObject({ working: false, status: 'holiday', nameZh: '春节' });
    expect(seeded.dayInfo('2026-02-28')).toMatchObject({ working: true, status: 'workday', weekday: 6 });
  });

  it('knows Spring Festival 2025 from New Year’s Eve, with Sunday 1-26 and Saturday 2-08 worked', () => {
    expect(seeded.addWorkingDays('2025-01-24', 7).date).toBe('2025-02-10');
    expect(seeded.addWorkingDays('2025-01-24', 1).date).toBe('2025-01-26');
    expect(seeded.isWorkingDay('2025-01-28')).toBe(false); // 除夕, a statutory day from 2025
    expect(seeded.isWorkingDay('2025-05-02')).toBe(false); // the added Labour Day
    // In 2024 New Year's Eve (Friday 2-09) was still a working day.
    expect(seeded.isWorkingDay('2024-02-09')).toBe(true);
  });

  it('crosses New Year', () => {
    expect(seeded.addWorkingDays('2025-12-31', 1)).toEqual({ date: '2026-01-04', missingYears: [] });
    expect(seeded.addWorkingDays('2025-12-26', 7).date).toBe('2026-01-07');
    expect(seeded.addWorkingDays('2024-12-31', 1).date).toBe('2025-01-02');
    expect(seeded.addWorkingDays('2023-12-29', 1).date).toBe('2024-01-02');
    // 2022 is not seeded: its last weekend is counted through, so it is reported.
    expect(seeded.addWorkingDays('2022-12-30', 1)).toEqual({ date: '2023-01-03', missingYears: [2022] });
  });

  it('counts weekends only in a year without data, and says so', () => {
    const result = seeded.addWorkingDays('2030-09-30', 7);
    expect(result).toEqual({ date: weekendsOnly.addWorkingDays('2030-09-30', 7).date, missingYears: [2030] });
    expect(result.date).toBe('2030-10-09');
    // Only the years actually counted through are reported.
    expect(seeded.addWorkingDays('2026-12-30', 7).missingYears).toEqual([2027]);
    expect(seeded.addWorkingDays('2026-12-28', 1).missingYears).toEqual([]);
    expect(seeded.addWorkingDays('2022-12-29', 1).missingYears).toEqual([2022]);
    expect(seeded.missingYearsBetween('2025-06-01', '2028-01-01')).toEqual([2027, 2028]);
    // Days entered in an unfinished year are applied; the year is still reported.
    const partial = new WorkingCalendar({
      days: [{ date: '2027-01-01', kind: 'holiday', nameZh: '元旦', nameEn: "New Year's Day" }],
      completeYears: [2026],
    });
    expect(partial.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', missingYears: [2027] });
  });

  it('counts the decision day as day 0, even on a weekend or a holiday', () => {
    expect(seeded.addWorkingDays('2026-10-03', 1).date).toBe('2026-10-08');
    expect(seeded.addWorkingDays('2026-10-10', 1).date).toBe('2026-10-12');
    expect(seeded.addWorkingDays('2026-10-03', 0)).toEqual({ date: '2026-10-03', missingYears: [] });
  });

  it('refuses invalid dates and counts with a clear reason', () => {
    expect(() => seeded.addWorkingDays('2026-02-30', 7)).toThrow(/February 2026 has 28 days; there is no day 30/);
    expect(() => seeded.addWorkingDays('2026-02-30', 7)).toThrowError(
      expect.objectContaining({
        code: 'calendar.invalid_date',
        status: 400,
        text: expect.objectContaining({ zh: expect.stringContaining('2026 年 2 月只有 28 天，没有 30 日') }),
      }),
    );
    for (const bad of ['2026-13-01', '2026-00-10', '2025-02-29', '2026-9-30', '2026/09/30', '', '1899-12-31']) {
      expect(checkLegalDate(bad), bad).not.toBeNull();
    }
    expect(checkLegalDate('2024-02-29')).toBeNull();
    expect(checkLegalDate('2000-02-29')).toBeNull();
    expect(checkLegalDate('1900-02-29')).not.toBeNull();
    expect(() => seeded.addWorkingDays('2026-09-30', -1)).toThrowError(
      expect.objectContaining({ code: 'calendar.invalid', errors: [expect.objectContaining({ field: 'days' })] }),
    );
    expect(() => seeded.addWorkingDays('2026-09-30', 1.5)).toThrow();
    expect(() => seeded.addWorkingDays('9999-12-31', 1)).toThrowError(
      expect.objectContaining({ code: 'calendar.out_of_range' }),
    );
  });

  it('does plain calendar-day arithmetic and the 《民法典》 roll-forward', () => {
    expect(seeded.addCalendarDays('2026-09-30', 3)).toBe('2026-10-03');
    expect(seeded.addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(seeded.addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(seeded.firstWorkingDayOnOrAfter('2026-10-03')).toEqual({ date: '2026-10-08', missingYears: [] });
    expect(seeded.firstWorkingDayOnOrAfter('2026-10-10').date).toBe('2026-10-10');
  });

  it('dates an instant in Beijing time, whatever the server zone', () => {
    expect(legalDateAt(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(legalDateAt(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });

  const anyDate = fc
    .integer({ min: parseLegalDate('2020-01-01'), max: parseLegalDate('2031-12-31') })
    .map((day) => formatDayNumber(day));

  it('lands on a working day for n ≥ 1 (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (date, n) => {
        const { date: due } = seeded.addWorkingDays(date, n);
        expect(seeded.isWorkingDay(due)).toBe(true);
        expect(due > date).toBe(true);
      }),
    );
  });

  it('is the inverse of workingDaysBetween (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 400 }), (date, n) => {
        const { date: due } = seeded.addWorkingDays(date, n);
        expect(seeded.workingDaysBetween(date, due)).toBe(n);
        expect(seeded.workingDaysBetween(due, date)).toBe(n === 0 ? 0 : -n);
      }),
    );
  });

  it('formats day numbers exactly as the UTC calendar does, 1900–9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseLegalDate('1900-01-01'), max: parseLegalDate('9999-12-31') }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDayNumber(day)).toBe(iso);
        expect(parseLegalDate(iso)).toBe(day);
      }),
      { numRuns: 5000 },
    );
    for (const date of ['1900-01-01', '1900-02-28', '1900-03-01', '2000-02-29', '2024-12-31', '9999-12-31']) {
      expect(formatDayNumber(parseLegalDate(date))).toBe(date);
    }
  });

  it('agrees with the weekday rule where there is no data (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseLegalDate('1990-01-01'), max: parseLegalDate('2100-12-31') }), (day) => {
        const weekday = weekdayOf(day);
        expect(weekendsOnly.isWorkingDay(formatDayNumber(day))).toBe(weekday !== 0 && weekday !== 6);
        expect(new Date(`${formatDayNumber(day)}T00:00:00Z`).getUTCDay()).toBe(weekday);
      }),
    );
  });
});

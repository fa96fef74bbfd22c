import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { anonymousActor, systemCaller, type Caller } from '../../platform/context';
import { listAudit } from '../../platform/audit';
import { newId, nowIso } from '../../platform/ids';
import {
  addWorkingDays,
  calendarCoverage,
  getCalendarYear,
  loadWorkingCalendar,
  markYearComplete,
  removeCalendarDay,
  setCalendarDay,
} from './calendar.service';
import { seedCalendar } from './calendar.seed';
import type { HolidayNotice } from './calendar.seed-data';

const admin = systemCaller('calendar-admin');
const nobody: Caller = { actor: anonymousActor, requestId: null };

describe('calendar service', () => {
  let t: TestDeps;

  beforeAll(async () => {
    t = await createTestDeps();
  });
  afterAll(() => t.cleanup());

  it('is seeded at boot with 2023–2026, each complete and citing its notice', async () => {
    const coverage = await calendarCoverage(t.db.kysely);
    expect(coverage.map((y) => [y.year, y.complete, y.source, y.holidays, y.workdays])).toEqual([
      [2023, true, '国办发明电〔2022〕16号', 18, 7],
      [2024, true, '国办发明电〔2023〕7号', 19, 8],
      [2025, true, '国办发明电〔2024〕12号', 18, 5],
      [2026, true, '国办发明电〔2025〕7号', 19, 6],
    ]);
    const seeds = await listAudit(t.db.kysely, { action: 'calendar.year.seed' });
    expect(seeds.map((e) => e.targetId).sort()).toEqual(['2023', '2024', '2025', '2026']);
    expect(seeds[0]).toMatchObject({ actorKind: 'system', actorName: 'seed' });
  });

  it('computes deadlines from the database', async () => {
    expect(await addWorkingDays(t.db.kysely, '2026-09-30', 7)).toEqual({ date: '2026-10-15', missingYears: [] });
    expect(await addWorkingDays(t.db.kysely, '2030-09-30', 7)).toEqual({ date: '2030-10-09', missingYears: [2030] });
    await expect(addWorkingDays(t.db.kysely, '2026-02-30', 7)).rejects.toMatchObject({
      code: 'calendar.invalid_date',
      errors: [expect.objectContaining({ field: 'date', value: '2026-02-30' })],
    });
  });

  it('answers differently at once after an edit in this process (cache invalidated)', async () => {
    const before = await loadWorkingCalendar(t.db.kysely);
    expect(await loadWorkingCalendar(t.db.kysely)).toBe(before); // cached
    await setCalendarDay(t.db, admin, { date: '2026-10-15', kind: 'holiday', nameZh: '测试假日', nameEn: 'Test' });
    expect(await addWorkingDays(t.db.kysely, '2026-09-30', 7)).toEqual({ date: '2026-10-16', missingYears: [] });
    expect(before.addWorkingDays('2026-09-30', 7).date).toBe('2026-10-15'); // a loaded snapshot never changes
    await removeCalendarDay(t.db, admin, '2026-10-15');
    expect((await addWorkingDays(t.db.kysely, '2026-09-30', 7)).date).toBe('2026-10-15');
  });

  it("sees another instance's edit within the staleness bound", async () => {
    const cached = await loadWorkingCalendar(t.db.kysely);
    // Another instance writes: this process's generation counter does not move.
    await t.db.transaction(async (tx) => {
      await sql`INSERT INTO calendar_days (date, kind, name_zh, name_en, updated_at, updated_by)
                VALUES ('2026-10-14', 'holiday', '别处', 'Elsewhere', ${nowIso()}, 'other')`.execute(tx);
      await sql`UPDATE calendar_version SET version = version + 1, stamp = ${newId()} WHERE id = 1`.execute(tx);
    });
    expect(await loadWorkingCalendar(t.db.kysely)).toBe(cached); // within the bound: not checked yet
    const fresh = await loadWorkingCalendar(t.db.kysely, { maxStalenessMs: 0 });
    expect(fresh).not.toBe(cached);
    expect(fresh.addWorkingDays('2026-09-30', 7).date).toBe('2026-10-16');
    await removeCalendarDay(t.db, admin, '2026-10-14');
    expect((await addWorkingDays(t.db.kysely, '2026-09-30', 7)).date).toBe('2026-10-15');
  });

  it('refuses entries that change nothing, bad dates, and callers without calendar.manage', async () => {
    await expect(
      setCalendarDay(t.db, admin, { date: '2026-10-17', kind: 'holiday', nameZh: '周六' }),
    ).rejects.toMatchObject({ code: 'calendar.kind_mismatch', errors: [expect.objectContaining({ field: 'kind' })] });
    await expect(
      setCalendarDay(t.db, admin, { date: '2026-10-13', kind: 'workday', nameZh: '周二' }),
    ).rejects.toMatchObject({ code: 'calendar.kind_mismatch' });
    await expect(
      setCalendarDay(t.db, admin, { date: '2026-02-29', kind: 'holiday', nameZh: '闰日' }),
    ).rejects.toMatchObject({ code: 'calendar.invalid_date', status: 400 });
    await expect(
      setCalendarDay(t.db, admin, { date: '2026-10-13', kind: 'holiday', nameZh: '  ' }),
    ).rejects.toMatchObject({ code: 'calendar.invalid', errors: [expect.objectContaining({ field: 'nameZh' })] });
    await expect(
      setCalendarDay(t.db, nobody, { date: '2026-10-13', kind: 'holiday', nameZh: '无权' }),
    ).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(removeCalendarDay(t.db, admin, '2026-10-13')).rejects.toMatchObject({
      code: 'calendar.day_not_found',
      status: 404,
    });
  });

  it('audits every write with before and after, and names festivals in English by default', async () => {
    const day = await setCalendarDay(t.db, admin, { date: '2031-02-03', kind: 'holiday', nameZh: '春节' });
    expect(day).toMatchObject({ nameEn: 'Spring Festival', weekday: 1, updatedBy: 'calendar-admin' });
    await setCalendarDay(t.db, admin, {
      date: '2031-02-03',
      kind: 'holiday',
      nameZh: '春节',
      nameEn: 'Chinese New Year',
    });
    const [latest] = await listAudit(t.db.kysely, { action: 'calendar.day.set' });
    expect(latest).toMatchObject({
      targetType: 'calendar_day',
      targetId: '2031-02-03',
      actorName: 'calendar-admin',
      detail: {
        before: { kind: 'holiday', nameZh: '春节', nameEn: 'Spring Festival' },
        after: { kind: 'holiday', nameZh: '春节', nameEn: 'Chinese New Year' },
      },
    });
  });

  it('marks a year complete only with a source and at least one holiday', async () => {
    await expect(markYearComplete(t.db, admin, 2032, '某通知')).rejects.toMatchObject({
      code: 'calendar.year_empty',
      status: 409,
    });
    await expect(markYearComplete(t.db, admin, 2031, ' ')).rejects.toMatchObject({ code: 'calendar.invalid' });
    expect((await addWorkingDays(t.db.kysely, '2031-02-02', 1)).missingYears).toEqual([2031]);
    const year = await markYearComplete(t.db, admin, 2031, '测试来源');
    expect(year).toMatchObject({ year: 2031, complete: true, source: '测试来源', holidays: 1, workdays: 0 });
    expect(await addWorkingDays(t.db.kysely, '2031-02-02', 1)).toEqual({ date: '2031-02-04', missingYears: [] });
    const [entry] = await listAudit(t.db.kysely, { action: 'calendar.year.complete' });
    expect(entry).toMatchObject({ targetId: '2031', detail: { before: null, after: { complete: true } } });
  });

  it('seeds idempotently and never overwrites what operators changed', async () => {
    // Operators rename one seeded day and remove another.
    await setCalendarDay(t.db, admin, {
      date: '2026-10-01',
      kind: 'holiday',
      nameZh: '国庆',
      nameEn: 'National Day (ed.)',
    });
    await removeCalendarDay(t.db, admin, '2026-10-02');
    const versionBefore = (await sql<{ version: number }>`SELECT version FROM calendar_version`.execute(t.db.kysely))
      .rows[0]!.version;
    expect(await seedCalendar(t.db)).toEqual([]);
    const after = await getCalendarYear(t.db.kysely, 2026);
    expect(after.days.find((d) => d.date === '2026-10-01')).toMatchObject({ nameZh: '国庆' });
    expect(after.days.find((d) => d.date === '2026-10-02')).toBeUndefined();
    expect(
      (await sql<{ version: number }>`SELECT version FROM calendar_version`.execute(t.db.kysely)).rows[0]!.version,
    ).toBe(versionBefore);

    // A notice arriving after an operator entered some of its days keeps their entry.
    await setCalendarDay(t.db, admin, { date: '2099-01-01', kind: 'holiday', nameZh: '运营录入', nameEn: 'Operator' });
    const testNotice: HolidayNotice = {
      year: 2099,
      source: 'test notice',
      title: 'test',
      issuedOn: '2098-11-01',
      periods: [
        { nameZh: '元旦', nameEn: "New Year's Day", from: '2099-01-01', to: '2099-01-02', workdays: ['2099-01-04'] },
      ],
    };
    expect(await seedCalendar(t.db, [testNotice])).toEqual([2099]);
    expect(await seedCalendar(t.db, [testNotice])).toEqual([]);
    const year = await getCalendarYear(t.db.kysely, 2099);
    expect(year).toMatchObject({ complete: true, source: 'test notice', holidays: 2, workdays: 1 });
    expect(year.days[0]).toMatchObject({ date: '2099-01-01', nameZh: '运营录入', updatedBy: 'calendar-admin' });
    expect(year.days[1]).toMatchObject({ date: '2099-01-02', nameZh: '元旦', updatedBy: 'seed' });
    const [seedEntry] = await listAudit(t.db.kysely, { action: 'calendar.year.seed' });
    expect(seedEntry).toMatchObject({ targetId: '2099', detail: { days: 3, keptExisting: 1 } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';
import { systemCaller } from '../../platform/context';
import { listAudit } from '../../platform/audit';
import { createApiKey } from '../identity';

describe('calendar HTTP API', () => {
  let t: TestApp;
  let manager: Record<string, string>;
  let reader: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const managerKey = await createApiKey(t.db, systemCaller('test'), {
      name: 'calendar admin tool',
      departmentCode: 'fgw',
      permissions: ['calendar.manage'],
    });
    const readerKey = await createApiKey(t.db, systemCaller('test'), {
      name: 'records system',
      departmentCode: 'scjgj',
      permissions: ['records.read'],
    });
    manager = { authorization: `Bearer ${managerKey.key}` };
    reader = { authorization: `Bearer ${readerKey.key}` };
  });
  afterAll(() => t.cleanup());

  const deadline = (query: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/calendar/add-working-days?${query}`, headers });

  it('answers the publication deadline publicly, with no warning where data is complete', async () => {
    const res = await deadline('from=2026-09-30&days=7');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ from: '2026-09-30', days: 7, date: '2026-10-15', warnings: [] });
  });

  it('warns, in the language asked for, when a year has no data', async () => {
    const en = await deadline('from=2030-09-30&days=7', { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({
      date: '2030-10-09',
      warnings: [{ code: 'calendar.year_missing', year: 2030, message: expect.stringContaining('weekends only') }],
    });
    const zh = await deadline('from=2030-09-30&days=7');
    expect(zh.json().warnings[0].message).toContain('按周末');
  });

  it('refuses bad dates and counts with problem+json naming the field', async () => {
    const bad = await deadline('from=2026-02-30&days=7', { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({
      code: 'calendar.invalid_date',
      errors: [{ field: 'querystring.from', code: 'calendar.invalid_date', value: '2026-02-30' }],
    });
    expect(bad.json().errors[0].message).toContain('February 2026 has 28 days');
    const zh = await deadline('from=2026-02-30&days=7');
    expect(zh.json().title).toContain('2026 年 2 月只有 28 天');

    const days = await deadline('from=2026-09-30&days=seven');
    expect(days.statusCode).toBe(400);
    expect(days.json().errors[0].field).toBe('querystring.days');
    const missing = await deadline('days=7');
    expect(missing.json().errors[0]).toMatchObject({ field: 'querystring.from', code: 'required' });
    const extra = await deadline('from=2026-09-30&days=7&tz=UTC');
    expect(extra.statusCode).toBe(400);
  });

  it('lists years and the days of one year', async () => {
    const years = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/years' });
    expect(years.statusCode).toBe(200);
    expect(years.json().items).toContainEqual(
      expect.objectContaining({ year: 2025, complete: true, source: '国办发明电〔2024〕12号', holidays: 18 }),
    );
    const days = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2026' });
    expect(days.statusCode).toBe(200);
    const body = days.json();
    expect(body).toMatchObject({ year: 2026, complete: true, holidays: 19, workdays: 6 });
    expect(body.days[0]).toEqual({
      date: '2026-01-01',
      kind: 'holiday',
      nameZh: '元旦',
      nameEn: "New Year's Day",
      weekday: 4,
      updatedAt: expect.any(String),
    });
    expect(
      body.days.filter((d: { kind: string }) => d.kind === 'workday').map((d: { date: string }) => d.date),
    ).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    const empty = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=2040' });
    expect(empty.json()).toMatchObject({ year: 2040, complete: false, source: null, days: [] });
    const badYear = await t.app.inject({ method: 'GET', url: '/api/v1/calendar/days?year=20x6' });
    expect(badYear.statusCode).toBe(400);
  });

  it('lets only calendar.manage change the calendar', async () => {
    const body = { kind: 'holiday', nameZh: '临时调整', nameEn: 'Special day off' };
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-10-15', payload: body });
    expect(anonymous.statusCode).toBe(401);
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-10-15',
      payload: body,
      headers: reader,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'forbidden', details: { needed: 'calendar.manage' } });
    const deniedDelete = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/calendar/days/2026-10-01',
      headers: reader,
    });
    expect(deniedDelete.statusCode).toBe(403);
    const deniedComplete = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years/2027/complete',
      payload: { source: 'x' },
      headers: reader,
    });
    expect(deniedComplete.statusCode).toBe(403);
    expect((await deadline('from=2026-09-30&days=7')).json().date).toBe('2026-10-15');
  });

  it('edits a day, and the next answer follows; removing it restores the rule', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-10-15',
      payload: { kind: 'holiday', nameZh: '临时调整', nameEn: 'Special day off' },
      headers: manager,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ date: '2026-10-15', kind: 'holiday', weekday: 4 });
    expect(put.json()).not.toHaveProperty('updatedBy');
    expect((await deadline('from=2026-09-30&days=7')).json().date).toBe('2026-10-16');

    const [entry] = await listAudit(t.db.kysely, { action: 'calendar.day.set' });
    expect(entry).toMatchObject({
      actorKind: 'api_client',
      targetId: '2026-10-15',
      requestId: put.headers['x-request-id'],
    });

    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-10-15', headers: manager });
    expect(del.statusCode).toBe(204);
    expect((await deadline('from=2026-09-30&days=7')).json().date).toBe('2026-10-15');
    const again = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-10-15', headers: manager });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('calendar.day_not_found');
  });

  it('refuses bad writes with the precise reason', async () => {
    const badDate = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-02-30',
      payload: { kind: 'holiday', nameZh: '春节' },
      headers: manager,
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0]).toMatchObject({ field: 'params.date', code: 'calendar.invalid_date' });
    const saturday = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-10-17',
      payload: { kind: 'holiday', nameZh: '春节' },
      headers: { ...manager, 'accept-language': 'en' },
    });
    expect(saturday.statusCode).toBe(400);
    expect(saturday.json()).toMatchObject({ code: 'calendar.kind_mismatch' });
    expect(saturday.json().title).toContain('Saturday');
    const unknownField = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-10-16',
      payload: { kind: 'holiday', nameZh: '春节', colour: 'red' },
      headers: manager,
    });
    expect(unknownField.statusCode).toBe(400);
    const wrongKind = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-10-16',
      payload: { kind: 'rest', nameZh: '春节' },
      headers: manager,
    });
    expect(wrongKind.json().errors[0].field).toBe('body.kind');
  });

  it('marks a year complete, which silences its warning', async () => {
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years/2027/complete',
      payload: { source: '国办发明电' },
      headers: manager,
    });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('calendar.year_empty');

    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2027-01-01',
      payload: { kind: 'holiday', nameZh: '元旦' },
      headers: manager,
    });
    expect((await deadline('from=2026-12-31&days=1')).json()).toMatchObject({
      date: '2027-01-04',
      warnings: [{ year: 2027 }],
    });
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years/2027/complete',
      payload: { source: '测试通知' },
      headers: manager,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ year: 2027, complete: true, source: '测试通知', holidays: 1 });
    expect((await deadline('from=2026-12-31&days=1')).json()).toMatchObject({ date: '2027-01-04', warnings: [] });
  });
});

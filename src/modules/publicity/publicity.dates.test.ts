import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';

interface Problem {
  status: number;
  code: string;
  title: string;
  errors: Array<{ field: string; code: string; message: string; value?: unknown }>;
}

/**
 * Dates come to the public channel and lists from links people share and edit:
 * a date that does not exist, or a range that ends before it starts, is refused
 * with the parameter and the reason, never answered with an empty page.
 */
describe('publicity: dates in the public queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.cleanup());

  const get = async (url: string, lang: 'zh' | 'en' = 'en') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { 'accept-language': lang } });
    return { status: res.statusCode, type: res.headers['content-type'], body: res.json<Problem>() };
  };

  for (const path of ['/public/records', '/public/lists/red', '/public/lists/black']) {
    it(`${path} refuses impossible calendar dates, naming the parameter and why`, async () => {
      const month = await get(`${path}?from=2026-13-45`);
      expect(month.status).toBe(400);
      expect(month.type).toContain('application/problem+json');
      expect(month.body).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'querystring.from', code: 'invalid_date', value: '2026-13-45' }],
      });
      expect(month.body.errors[0]!.message).toBe('the month must be 01–12, got 13');
      expect(month.body.title).toContain('querystring.from: the month must be 01–12, got 13');

      const day = await get(`${path}?to=2026-02-30`);
      expect(day.status).toBe(400);
      expect(day.body.errors).toMatchObject([{ field: 'querystring.to', code: 'invalid_date' }]);
      expect(day.body.errors[0]!.message).toBe('February 2026 has 28 days; there is no day 30');
      expect((await get(`${path}?to=2026-02-30`, 'zh')).body.title).toContain('2026 年 2 月只有 28 天，没有 30 日');

      const shape = await get(`${path}?from=yesterday`);
      expect(shape.body.errors[0]).toMatchObject({ field: 'querystring.from', code: 'invalid_date' });
      expect(shape.body.errors[0]!.message).toContain('YYYY-MM-DD');

      // A real leap day is a date.
      expect((await get(`${path}?from=2024-02-29&to=2024-03-01`)).status).toBe(200);
    });

    it(`${path} refuses a range whose start is after its end`, async () => {
      const range = await get(`${path}?from=2026-05-01&to=2026-04-01`);
      expect(range.status).toBe(400);
      expect(range.body.errors).toMatchObject([{ field: 'querystring.from', code: 'date_range' }]);
      expect(range.body.errors[0]!.message).toContain('2026-05-01 is after `to` (2026-04-01)');
      expect((await get(`${path}?from=2026-05-01&to=2026-04-01`, 'zh')).body.title).toContain(
        '开始日期 2026-05-01 晚于结束日期 2026-04-01',
      );
      expect((await get(`${path}?from=2026-04-01&to=2026-04-01`)).status).toBe(200);
    });
  }
});

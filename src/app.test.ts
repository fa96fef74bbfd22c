import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from './platform/testing';
import { buildApp } from './app';
import type { HttpServer } from './platform/http';

describe('HTTP platform', () => {
  let t: TestDeps;
  let app: HttpServer;
  beforeAll(async () => {
    t = await createTestDeps();
    app = await buildApp(t, { webDir: null, rateLimit: 30 });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('serves a generated OpenAPI 3.1 document covering every module', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/public/subjects',
      '/api/v1/auth/login',
      '/api/v1/catalog/items',
      '/api/v1/subjects/lookup',
      '/api/v1/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('sets security headers and echoes or assigns a request id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.json()).toEqual({ status: 'ok', dialect: t.db.dialect });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const other = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(other.headers['x-request-id']).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('answers unknown routes and unsupported media types with problem+json', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'accept-language': 'en' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'route.not_found', title: 'No such endpoint' });
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/identifiers/check',
      headers: { 'content-type': 'application/xml' },
      payload: '<values/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('request.unsupported_media_type');
  });

  it('refuses an audit date range that is not one, saying which parameter is wrong', async () => {
    for (const [query, field, code] of [
      ['from=2026-03-02&to=2026-03-01', 'querystring.from', 'date_range'],
      ['from=2026-13-01', 'querystring.from', 'invalid_date'],
      ['to=2026-02-29', 'querystring.to', 'invalid_date'],
      ['to=yesterday', 'querystring.to', 'invalid_date'],
    ]) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/audit?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ code: 'validation_failed', errors: [{ field, code }] });
    }
    // The same words as every other date parameter (platform/http/query-dates.ts).
    const en = await app.inject({ method: 'GET', url: '/api/v1/audit?to=2026-02-29&lang=en' });
    expect(en.json().errors[0].message).toBe('February 2026 has 28 days; there is no day 29');
    const range = await app.inject({ method: 'GET', url: '/api/v1/audit?from=2026-03-01&to=2026-03-01' });
    expect(range.statusCode).toBe(401);
  });

  it('rate-limits a client with a problem that says what to do', async () => {
    let last = await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 40 && last.statusCode !== 429; i++) {
      last = await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.9' });
    }
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ code: 'request.rate_limited', title: '请求过于频繁，请稍后再试' });
    const otherClient = await app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '203.0.113.10' });
    expect(otherClient.statusCode).toBe(200);
  });
});

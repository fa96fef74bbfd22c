import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';
import { defaultSpan } from '../records';
import { submissionStats } from './ingest.stats';
import { clerkKey, penaltyFixture, registerFixtureSubjects } from './ingest.test-support';

interface Figures {
  departmentCode: string;
  batches: number;
  rowsRead: number;
  rowsRejected: number;
  months: Array<{ month: string; batches: number; rowsRead: number; rejected: number }>;
  reasons: Array<{ code: string; rows: number }>;
  wrongOrDuplicateIdentifierRate: { count: number; of: number; rate: number | null };
  correctionRate: { count: number; of: number; rate: number | null };
}

describe('ingest: submission figures for the dashboard', () => {
  let t: TestApp;
  let scjgj: string;
  let swj: string;
  const post = (key: string, records: Record<string, string>[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/records',
      headers: { authorization: `Bearer ${key}` },
      payload: { records },
    });
  const stats = async (key: string, query = '') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/stats${query}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ from: string; to: string; departments: Figures[] }>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    await registerFixtureSubjects(t);
    scjgj = await clerkKey(t, 'scjgj');
    swj = await clerkKey(t, 'swj');
    const rows = await penaltyFixture(t, 6, 7);
    // Row 2: a wrong USCC check character; row 4: a duplicate of row 1; row 5: a date in the future.
    const bad = rows.map((r, i) =>
      i === 1
        ? { ...r, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: '91110108MA01ABCD0X', CF_XDR_ZJLX: '', CF_XDR_ZJHM: '' }
        : i === 3
          ? { ...rows[0]! }
          : i === 4
            ? { ...r, CF_JDRQ: '2099-01-01' }
            : r,
    );
    const first = await post(scjgj, bad);
    expect(first.json()).toMatchObject({ rowsRead: 6, rejected: 3 });
    // The clerk fixes the row with the wrong code and sends it again.
    const fixed = await post(scjgj, [rows[1]!]);
    expect(fixed.json()).toMatchObject({ accepted: 1 });
  });
  afterAll(() => t.cleanup());

  it('counts batches and rows per month, reasons, 重错码率 and 纠正率 for the own department only', async () => {
    const body = await stats(scjgj);
    expect(body.to).toBe(defaultSpan().to);
    expect(body.departments.map((d) => d.departmentCode)).toEqual(['scjgj']);
    const d = body.departments[0]!;
    expect(d).toMatchObject({ batches: 2, rowsRead: 7, rowsRejected: 3 });
    const month = d.months.at(-1)!;
    expect(month).toMatchObject({ month: body.to, batches: 2, rowsRead: 7, rejected: 3 });
    const codes = d.reasons.map((r) => r.code);
    expect(codes).toContain('duplicate_in_file');
    expect(codes).toContain('date_in_future');
    expect(codes.some((c) => c.startsWith('identifier.'))).toBe(true);
    // Wrong code + duplicate = 2 of 7 rows submitted.
    expect(d.wrongOrDuplicateIdentifierRate).toEqual({ count: 2, of: 7, rate: 2 / 7 });
    // Of 3 rejected rows: the fixed one was accepted later, the duplicate's record exists; the future date was not.
    expect(d.correctionRate).toEqual({ count: 2, of: 3, rate: 2 / 3 });
  });

  it('shows the credit office every department, and a department with no batch nothing', async () => {
    // The route passes no department for a caller holding `*` (API keys cannot hold it).
    const all = await submissionStats(t.db.kysely, defaultSpan());
    expect(all.departments.map((d) => d.departmentCode)).toEqual(['scjgj']);
    expect((await stats(swj)).departments).toEqual([]);
  });

  it('refuses a bad span and a caller without records.read', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ingest/stats?from=2026-05&to=2026-01',
      headers: { authorization: `Bearer ${scjgj}` },
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/ingest/stats' })).statusCode).toBe(401);
  });

  it('limits the figures to the span asked for', async () => {
    const body = await stats(scjgj, '?from=2020-01&to=2020-03');
    expect(body).toEqual({ from: '2020-01', to: '2020-03', departments: [] });
  });
});

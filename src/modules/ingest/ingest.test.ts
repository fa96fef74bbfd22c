import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../platform/testing';
import { clerkKey, penaltyFixture, registerFixtureSubjects, toCsv, toXlsx } from './ingest.test-support';

async function count(t: TestApp, table: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.db.kysely);
  return Number(result.rows[0]!.n);
}

describe('ingest', () => {
  let t: TestApp;
  let key: string;
  const upload = (body: Buffer, query = '', extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/items/ADM_PENALTY/files${query}`,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream', ...extra },
      payload: body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    await registerFixtureSubjects(t);
    key = await clerkKey(t);
  });
  afterAll(() => t.cleanup());

  // Each case its own rows (a seed no other test of this file uses): a random seed could repeat
  // another case's, whose rows then already exist (created 0).
  it.each([
    ['UTF-8', { encoding: 'utf8' as const }, 101],
    ['UTF-8 with BOM', { encoding: 'utf8bom' as const }, 102],
    ['GB18030 (Excel on Chinese Windows)', { encoding: 'gb18030' as const }, 103],
    ['field-code headers in reverse order', { use: 'codes' as const, reverse: true }, 104],
  ])('imports a CSV in %s', async (_label, options, seed) => {
    const rows = await penaltyFixture(t, 5, seed);
    const response = await upload(await toCsv(t, rows, options));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'committed', rowsRead: 5, accepted: 5, rejected: 0, created: 5 });
  });

  it('imports an XLSX and is idempotent on re-import; a changed row becomes a new version', async () => {
    const rows = await penaltyFixture(t, 4, 2);
    const first = await upload(await toXlsx(t, rows));
    expect(first.json()).toMatchObject({ status: 'committed', created: 4 });
    const before = await count(t, 'records');
    const again = await upload(await toXlsx(t, rows));
    expect(again.json()).toMatchObject({ status: 'committed', created: 0, unchanged: 4 });
    expect(await count(t, 'records')).toBe(before);
    const changed = rows.map((r, i) => (i === 0 ? { ...r, CF_NR: `${r.CF_NR}（更正）` } : r));
    const third = await upload(await toXlsx(t, changed));
    expect(third.json()).toMatchObject({ created: 0, corrected: 1, unchanged: 3 });
    expect(await count(t, 'records')).toBe(before);
  });

  it('reports each bad row with its row number, field, value and reason, and commits the good ones', async () => {
    const rows = await penaltyFixture(t, 5, 3);
    rows[1] = { ...rows[1]!, CF_JDRQ: '2099-01-01' };
    rows[3] = { ...rows[3]!, CF_XDR_SHXYM: '91110108MA01ABCD0X', CF_XDR_LB: '法人及非法人组织' };
    const response = await upload(await toCsv(t, rows), '?fileName=penalties.csv', { 'accept-language': 'en' });
    const body = response.json();
    expect(body).toMatchObject({ status: 'committed', rowsRead: 5, accepted: 3, rejected: 2 });
    const fields = body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(fields).toContain('3:CF_JDRQ');
    expect(fields).toContain('5:CF_XDR_SHXYM');
    const dateError = body.errors.find((e: { field: string }) => e.field === 'CF_JDRQ');
    expect(dateError.value).toBe('2099-01-01');
    expect(dateError.reason.zh).toBeTruthy();
    expect(dateError.reason.en).toBeTruthy();

    // The error report holds the original rows plus a reason; fixed, they import cleanly.
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/batches/${body.batchId}/errors.xlsx`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const csvReport = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/batches/${body.batchId}/errors.csv`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(csvReport.body).toContain('2099-01-01');
    const fixed = [
      { ...rows[1], CF_JDRQ: '2026-01-05' },
      { ...rows[3], CF_XDR_SHXYM: rows[0]!.CF_XDR_SHXYM ?? '' },
    ];
    const again = await upload(await toCsv(t, fixed));
    expect(again.json()).toMatchObject({ status: 'committed', accepted: 2, rejected: 0 });
  });

  it('commits nothing in all-or-nothing mode when a row fails', async () => {
    const before = await count(t, 'records');
    const rows = await penaltyFixture(t, 6, 4);
    rows[5] = { ...rows[5]!, CF_CFLB: '打板子' };
    const response = await upload(await toCsv(t, rows), '?mode=all_or_nothing');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ status: 'rejected', rowsRead: 6, rejected: 1, created: 0 });
    expect(await count(t, 'records')).toBe(before);
  });

  it('refuses an unusable file cleanly and changes nothing', async () => {
    const before = await count(t, 'records');
    const wide = Buffer.from(
      Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(999) + '1\n',
    );
    const tooWide = await upload(wide);
    expect(tooWide.statusCode).toBe(422);
    expect(tooWide.json().failure.code).toMatch(/column/);
    const rows = await penaltyFixture(t, 1, 5);
    const csv = (await toCsv(t, rows)).toString('utf8').replace(rows[0]!.CF_SY!, 'x'.repeat(10 * 1024 * 1024));
    const hugeCell = await upload(Buffer.from(csv));
    expect(hugeCell.statusCode).toBe(422);
    expect(hugeCell.json().failure.code).toMatch(/cell|record/);
    const missing = await upload(Buffer.from('行政相对人名称,备注\n某公司,无\n'));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().failure.zh).toContain('处罚决定日期');
    const binary = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(binary.statusCode).toBe(422);
    expect(await count(t, 'records')).toBe(before);
  });

  it('takes JSON records with an Idempotency-Key, and a retry creates nothing twice', async () => {
    const records = await penaltyFixture(t, 3, 6);
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/ingest/items/ADM_PENALTY/records',
        headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'req-6' },
        payload: { records },
      });
    const first = await send();
    expect(first.json()).toMatchObject({ status: 'committed', created: 3, replayed: false });
    const retry = await send();
    expect(retry.json()).toMatchObject({ batchId: first.json().batchId, created: 3, replayed: true });
    const batches = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM ingest_batches WHERE idempotency_key = 'req-6'`.execute(t.db.kysely);
    expect(Number(batches.rows[0]!.n)).toBe(1);
  });

  it('warns, visibly, when a deadline runs through a year without holiday data', async () => {
    const [row] = await penaltyFixture(t, 1, 11);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/records',
      headers: { authorization: `Bearer ${key}` },
      payload: { records: [{ ...row, CF_JDRQ: '2021-06-01', CF_YXQ: '2022-06-01' }] },
    });
    expect(response.json().status).toBe('committed');
    expect(response.json().warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'calendar.year_missing:2021' })]),
    );
  });

  it('runs two uploads at once without losing or duplicating a record', async () => {
    const a = await penaltyFixture(t, 30, 7);
    const b = await penaltyFixture(t, 30, 8);
    const before = await count(t, 'records');
    const [ra, rb, rc] = await Promise.all([
      upload(await toCsv(t, a)),
      upload(await toCsv(t, b)),
      upload(await toCsv(t, a)),
    ]);
    expect([ra, rb, rc].map((r) => r.json().status)).toEqual(['committed', 'committed', 'committed']);
    expect(await count(t, 'records')).toBe(before + 60);
    expect(ra.json().created + rc.json().created).toBe(30);
  });

  it('lets a department submit only for itself and only for items it provides', async () => {
    const rows = await penaltyFixture(t, 1, 9);
    const csv = await toCsv(t, rows);
    expect((await upload(csv, '?departmentCode=swj')).json().code).toBe('ingest.other_department');
    const court = await clerkKey(t, 'fy');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/files',
      headers: { authorization: `Bearer ${court}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('ingest.not_a_provider');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/files',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves templates whose sample row imports cleanly', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/ingest/templates/ADM_PENALTY.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/ingest/templates/ADM_PENALTY.csv' });
    expect(csv.body).toContain('行政处罚决定书文号');
    const imported = await upload(xlsx.rawPayload);
    expect(imported.json()).toMatchObject({ status: 'committed', rejected: 0 });
  });
});

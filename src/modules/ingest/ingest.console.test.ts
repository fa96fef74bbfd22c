import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';
import { clerkKey, penaltyFixture, registerFixtureSubjects, toCsv } from './ingest.test-support';
import type { StreamLine } from './ingest.stream';

/** What the console's submission pages rely on beyond a plain upload. */
describe('ingest for the console', () => {
  let t: TestApp;
  let key: string;
  const auth = () => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    t = await createTestApp();
    await registerFixtureSubjects(t);
    key = await clerkKey(t);
  });
  afterAll(() => t.cleanup());

  it('streams an upload’s progress as NDJSON: started, progress, then the result', async () => {
    const rows = await penaltyFixture(t, 1200, 21);
    rows[7] = { ...rows[7]!, CF_JDRQ: '2099-01-01' };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/files?progress=stream&fileName=big.csv',
      headers: { ...auth(), 'content-type': 'text/csv' },
      payload: await toCsv(t, rows),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as StreamLine);
    const first = lines[0]!;
    expect(first.type).toBe('started');
    const batchId = first.type === 'started' ? first.batchId : '';
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((l) => l.batchId === batchId)).toBe(true);
    const last = lines[lines.length - 1]!;
    expect(last).toMatchObject({
      type: 'result',
      httpStatus: 200,
      batch: { batchId, status: 'committed', rowsRead: 1200, accepted: 1199, rejected: 1, fileName: 'big.csv' },
    });
    if (last.type === 'result') expect(last.batch.fileHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('streams a file that is unusable as a result line, and refusals before the batch as problems', async () => {
    const unusable = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/files?progress=stream',
      headers: { ...auth(), 'content-type': 'text/csv', 'accept-language': 'en' },
      payload: Buffer.from('名称,备注\n某公司,无\n'),
    });
    const last = JSON.parse(unusable.body.trim().split('\n').pop()!) as StreamLine;
    expect(last).toMatchObject({ type: 'result', httpStatus: 422, batch: { status: 'failed' } });
    if (last.type === 'result') expect(last.batch.failure?.zh).toContain('处罚决定日期');

    const court = await clerkKey(t, 'fy');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/files?progress=stream',
      headers: { authorization: `Bearer ${court}`, 'content-type': 'text/csv' },
      payload: await toCsv(t, await penaltyFixture(t, 1, 22)),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ingest.not_a_provider');
  });

  it('lists the items a department may submit, with the upload limit', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/ingest/items', headers: auth() });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.departmentCode).toBe('scjgj');
    expect(body.uploadLimit).toBeGreaterThan(0);
    const codes = body.items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['ADM_PENALTY', 'ADM_LICENSE']));
    expect(codes).not.toContain('TAX_CREDIT_GRADE');
    const tax = await clerkKey(t, 'swj');
    const taxItems = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ingest/items',
      headers: { authorization: `Bearer ${tax}` },
    });
    expect(taxItems.json().items.map((i: { code: string }) => i.code)).toContain('TAX_CREDIT_GRADE');
  });

  it('pages a batch’s errors and its department’s history with who, when and the file hash', async () => {
    const rows = await penaltyFixture(t, 6, 23);
    for (const i of [0, 2, 4])
      rows[i] = { ...rows[i]!, CF_XDR_SHXYM: '91110108MA01ABCD0X', CF_XDR_LB: '法人及非法人组织' };
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest/items/ADM_PENALTY/files?fileName=three-bad.csv',
      headers: { ...auth(), 'content-type': 'text/csv' },
      payload: await toCsv(t, rows),
    });
    const batchId = upload.json().batchId as string;

    const first = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/batches/${batchId}/errors?limit=2`,
      headers: auth(),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rejectedRows: 3, nextAfter: 4 });
    expect(first.json().items.map((e: { row: number }) => e.row)).toEqual([2, 4]);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/batches/${batchId}/errors?limit=2&after=4`,
      headers: auth(),
    });
    expect(second.json()).toMatchObject({ nextAfter: null, items: [{ row: 6, field: 'CF_XDR_SHXYM' }] });
    expect(second.json().items[0].reason.en).toBeTruthy();

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/ingest/batches?limit=1', headers: auth() });
    expect(list.statusCode, list.body).toBe(200);
    const [latest] = list.json().items;
    expect(latest).toMatchObject({ batchId, fileName: 'three-bad.csv', rejected: 3, channel: 'file', errors: [] });
    expect(latest.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(latest.createdBy).toBeTruthy();
    expect(latest.createdAt).toBeTruthy();
    expect(list.json().nextCursor).toBe(batchId);
    const older = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/batches?limit=1&before=${batchId}`,
      headers: auth(),
    });
    expect(older.json().items[0].batchId).not.toBe(batchId);

    // Another department sees neither the batch nor its errors.
    const tax = await clerkKey(t, 'swj');
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/batches/${batchId}/errors`,
      headers: { authorization: `Bearer ${tax}` },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('answers a form submission with its field errors, then with the record it created', async () => {
    const [row] = await penaltyFixture(t, 1, 24);
    const send = (record: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/ingest/items/ADM_PENALTY/records',
        headers: auth(),
        payload: { records: [record], mode: 'all_or_nothing', channel: 'form' },
      });
    const bad = await send({ ...row!, CF_XDR_SHXYM: '91110108MA01ABCD0X', CF_XDR_LB: '法人及非法人组织' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ status: 'rejected', errors: [{ row: 1, field: 'CF_XDR_SHXYM' }] });
    expect(bad.json().records).toBeUndefined();
    const good = await send(row!);
    expect(good.statusCode).toBe(200);
    const body = good.json();
    expect(body.records).toEqual([{ row: 1, recordId: expect.any(String), outcome: 'created' }]);
    // An API key is a business system: its batch stays on the API channel whatever it claims.
    expect(body.channel).toBe('api');
  });
});

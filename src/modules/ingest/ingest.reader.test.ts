import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing';
import { firstRowsBounded, readerThreadsStarted } from './ingest.pipeline';
import { clerkKey, penaltyFixture, registerFixtureSubjects, toCsv, toXlsx } from './ingest.test-support';

/**
 * A large file is read and validated on a worker thread (ingest.pipeline.ts);
 * XINYONG_INGEST_WORKER_MIN_BYTES=0 sends every file there, `off` none. The
 * answers must not tell the two apart.
 */
// Each upload may start a thread that loads the validation code: allow for a loaded machine.
describe('ingest: files read on a worker thread', { timeout: 120_000 }, () => {
  let t: TestApp;
  let key: string;
  const setting = process.env.XINYONG_INGEST_WORKER_MIN_BYTES;
  const upload = async (body: Buffer, where: 'worker' | 'here', query = '') => {
    process.env.XINYONG_INGEST_WORKER_MIN_BYTES = where === 'worker' ? '0' : 'off';
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/items/ADM_PENALTY/files${query}`,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
      payload: body,
    });
    return { status: response.statusCode, body: response.json() };
  };
  /** What a batch answered, without what differs between any two batches. */
  // What identifies one batch (its id, when it ran) differs between two runs of the same file.
  const answer = ({ batchId: _b, createdAt: _c, finishedAt: _f, ...rest }: Record<string, unknown>) => rest;

  beforeAll(async () => {
    t = await createTestApp();
    await registerFixtureSubjects(t);
    key = await clerkKey(t);
  });
  afterEach(() => {
    if (setting === undefined) delete process.env.XINYONG_INGEST_WORKER_MIN_BYTES;
    else process.env.XINYONG_INGEST_WORKER_MIN_BYTES = setting;
  });
  afterAll(() => t.cleanup());

  it('answers a file of many batches with bad and repeated rows as the main thread does', async () => {
    const rows = await penaltyFixture(t, 700, 21);
    rows[3] = { ...rows[3]!, CF_JDRQ: '2099-01-01' };
    rows[260] = { ...rows[260]!, CF_CFLB: '打板子' };
    // The same decision twice, in different batches of the reader.
    rows[650] = { ...rows[650]!, CF_WSH: rows[5]!.CF_WSH! };
    const csv = await toCsv(t, rows);
    const started = readerThreadsStarted();
    const onWorker = await upload(csv, 'worker');
    expect(readerThreadsStarted()).toBe(started + 1);
    expect(onWorker.status).toBe(200);
    expect(onWorker.body).toMatchObject({
      status: 'committed',
      rowsRead: 700,
      accepted: 697,
      rejected: 3,
      created: 697,
    });
    expect(onWorker.body.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual([
      '5:date_in_future',
      '262:not_in_dictionary',
      '652:duplicate_in_file',
    ]);
    // The same file again, read here: the same answer (now every accepted row is unchanged).
    const here = await upload(csv, 'here');
    expect(readerThreadsStarted()).toBe(started + 1);
    const again = await upload(csv, 'worker');
    expect(answer(again.body)).toEqual(answer(here.body));
    expect(again.body).toMatchObject({ created: 0, unchanged: 697, rejected: 3 });
  });

  it('refuses an unusable file with the same failure, and rolls back an all-or-nothing batch', async () => {
    for (const body of [
      Buffer.from('行政相对人名称,备注\n某公司,无\n'),
      Buffer.from(Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',') + '\n'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    ]) {
      const here = await upload(body, 'here');
      const onWorker = await upload(body, 'worker');
      expect(onWorker.status).toBe(here.status);
      expect(onWorker.body.failure).toEqual(here.body.failure);
      expect(onWorker.body.failure).not.toBeNull();
    }
    const rows = await penaltyFixture(t, 300, 22);
    rows[280] = { ...rows[280]!, CF_CFLB: '打板子' };
    const rejected = await upload(await toCsv(t, rows), 'worker', '?mode=all_or_nothing');
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ status: 'rejected', rowsRead: 300, rejected: 1, created: 0 });
  });

  it('reads an XLSX file on the thread too, with the same answer', async () => {
    const rows = await penaltyFixture(t, 40, 24);
    rows[7] = { ...rows[7]!, CF_CFLB: '打板子' };
    const xlsx = await toXlsx(t, rows);
    const started = readerThreadsStarted();
    const onWorker = await upload(xlsx, 'worker');
    expect(readerThreadsStarted()).toBe(started + 1);
    expect(onWorker.body).toMatchObject({ status: 'committed', created: 39, rejected: 1 });
    // Again, here and there: the same answer (every accepted row now unchanged).
    const here = await upload(xlsx, 'here');
    expect(readerThreadsStarted()).toBe(started + 1);
    const again = await upload(xlsx, 'worker');
    expect(again.body).toMatchObject({ created: 0, unchanged: 39, rejected: 1 });
    expect(answer(again.body)).toEqual(answer(here.body));
  });

  it('fails the batch, changing nothing, when the file turns bad after its first batches', async () => {
    const rows = await penaltyFixture(t, 600, 23);
    const csv = (await toCsv(t, rows)).toString('utf8');
    // An unclosed quote on the last line: csv-parse fails only at the end of the file.
    const broken = Buffer.from(csv + '"北京未闭合引号有限公司,法人及非法人组织\r\n');
    const here = await upload(broken, 'here');
    const onWorker = await upload(broken, 'worker');
    expect(onWorker.status).toBe(here.status);
    expect(onWorker.body).toMatchObject({ status: 'failed', created: 0 });
    expect(onWorker.body.failure).toEqual(here.body.failure);
  });
});

describe('ingest: repeated records in a file', () => {
  it('finds the first row of a key in memory, then on disk once there are many keys', () => {
    const seen = firstRowsBounded(3);
    try {
      expect(seen.firstOf('京海市监罚〔2026〕1号', 2)).toBeUndefined();
      expect(seen.firstOf('京海市监罚〔2026〕2号', 3)).toBeUndefined();
      expect(seen.firstOf('京海市监罚〔2026〕1号', 4)).toBe(2);
      // The third key moves them all to disk.
      expect(seen.firstOf('京海市监罚〔2026〕3号', 5)).toBeUndefined();
      expect(seen.firstOf('京海市监罚〔2026〕1号', 6)).toBe(2);
      expect(seen.firstOf('京海市监罚〔2026〕3号', 7)).toBe(5);
      expect(seen.firstOf('京海市监罚〔2026〕4号', 8)).toBeUndefined();
      expect(seen.firstOf('京海市监罚〔2026〕4号', 9)).toBe(8);
      expect(seen.firstOf('京海市监罚〔2026〕2号', 10)).toBe(3);
    } finally {
      seen.close();
    }
  });
});

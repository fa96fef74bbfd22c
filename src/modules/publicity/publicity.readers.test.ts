import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { systemCaller } from '../../platform/context';
import { openDatabase } from '../../platform/db';
import type { HttpServer } from '../../platform/http';
import type { Reads } from '../../platform/readers';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { registerSubject, subjectsEnv } from '../subjects';
import { authority, daysAgo, licence, makeCitizenId, makeUscc, penalty, submit } from './publicity.test-support';
import { startReaders } from '../../readers';

/**
 * The public reads answered by a reader thread (its own read-only
 * connection) are the same, byte for byte, as the main thread's answers,
 * errors included, and see what the main thread has just written.
 */
describe.skipIf(/^postgres/.test(process.env.DATABASE_URL ?? ''))('reader threads', () => {
  let t: TestDeps;
  let reads: Reads;
  let pooled: HttpServer;
  let local: HttpServer;
  const ids = { company: '', person: '' };
  const admin = systemCaller('readers-test');

  beforeAll(async () => {
    t = await createTestDeps();
    const senv = subjectsEnv(t);
    const uscc = makeUscc();
    ids.company = (
      await registerSubject(senv, admin, { kind: 'legal_person', name: '北京读取线程科技有限公司', uscc })
    ).id;
    ids.person = (
      await registerSubject(senv, admin, { kind: 'natural_person', name: '李读取', idNumber: makeCitizenId() })
    ).id;
    const scjgj = await authority(t, 'scjgj');
    const company = { name: '北京读取线程科技有限公司', uscc };
    const rows = Array.from({ length: 12 }, (_, i) => penalty(scjgj, company, daysAgo(20 + i)));
    await submit(t, 'ADM_PENALTY', 'scjgj', rows, daysAgo(5));
    await submit(t, 'ADM_LICENSE', 'scjgj', [licence(scjgj, company, daysAgo(40))], daysAgo(30));
    reads = (await startReaders(t, 1))!;
    pooled = await buildApp({ ...t, reads }, { webDir: null, rateLimit: 100_000 });
    local = await buildApp(t, { webDir: null, rateLimit: 100_000 });
  });
  afterAll(async () => {
    await pooled?.close();
    await local?.close();
    await reads?.close();
    await t?.cleanup();
  });

  const both = async (url: string, headers: Record<string, string> = {}) => {
    const [a, b] = await Promise.all([pooled.inject({ url, headers }), local.inject({ url, headers })]);
    return { pooled: a, local: b };
  };

  it('answers search, the entity page and its sections exactly as the main thread does', async () => {
    const first = await both(`/api/v1/public/subjects/${ids.company}/records`);
    const page = first.pooled.json();
    const cursor = page.penalties.nextCursor as string;
    expect(page.penalties).toMatchObject({ total: 12, totalCapped: false });
    expect(cursor).toBeTruthy();
    for (const url of [
      `/api/v1/public/subjects?q=${encodeURIComponent('读取线程')}&limit=20`,
      `/api/v1/public/subjects?q=${encodeURIComponent('读取')}&limit=20&lang=en`,
      `/api/v1/public/subjects/${ids.company}`,
      `/api/v1/public/subjects/${ids.company}?lang=en`,
      `/api/v1/public/subjects/${ids.company}/records`,
      `/api/v1/public/subjects/${ids.company}/records/penalties?cursor=${cursor}&limit=5`,
      '/api/v1/public/records?limit=5',
      `/api/v1/public/records?item=ADM_PENALTY&department=scjgj&q=${encodeURIComponent('读取')}&limit=3`,
      `/api/v1/public/records/${page.penalties.items[0].id}`,
      '/api/v1/public/lists/red',
      '/api/v1/public/lists/black?limit=5',
    ]) {
      const { pooled: a, local: b } = await both(url);
      expect(a.statusCode, url).toBe(200);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
      expect(a.body, url).toBe(b.body);
    }
    // The search found the company, and only it (the natural person is not searchable).
    const search = (await both(`/api/v1/public/subjects?q=${encodeURIComponent('读取')}`)).pooled.json();
    expect(search.items.map((i: { id: string }) => i.id)).toEqual([ids.company]);
  });

  it('gives the same problem for a subject that does not exist, a natural person and a bad cursor', async () => {
    for (const [url, status] of [
      ['/api/v1/public/subjects/01NOSUCHSUBJECT', 404],
      [`/api/v1/public/subjects/${ids.person}`, 404],
      [`/api/v1/public/subjects/${ids.person}/records`, 404],
      [`/api/v1/public/subjects/${ids.company}/records/penalties?cursor=bm9wZQ`, 400],
      ['/api/v1/public/records/01NOSUCHRECORD', 404],
      ['/api/v1/public/records?cursor=bm9wZQ', 400],
    ] as const) {
      const { pooled: a, local: b } = await both(url, { 'accept-language': 'en' });
      expect(a.statusCode, url).toBe(status);
      const { requestId: _a, ...problem } = a.json();
      const { requestId: _b, ...expected } = b.json();
      expect(problem, url).toEqual(expected);
    }
  });

  it('sees what the main thread has just written', async () => {
    const scjgj = await authority(t, 'scjgj');
    const before = (await pooled.inject({ url: `/api/v1/public/subjects/${ids.company}/records` })).json();
    await submit(
      t,
      'ADM_LICENSE',
      'scjgj',
      [licence(scjgj, { name: '北京读取线程科技有限公司', uscc: before.licences.items[0].subject.uscc }, daysAgo(2))],
      daysAgo(1),
    );
    const after = (await pooled.inject({ url: `/api/v1/public/subjects/${ids.company}/records` })).json();
    expect(after.licences.total).toBe(before.licences.total + 1);
  });

  it('serves without reader threads when they cannot start', async () => {
    const broken = new URL('./no-such-reader-thread.js', import.meta.url);
    expect(await startReaders(t, 1, broken)).toBeUndefined();
  });

  it('fails an unknown task without harm, and a reader connection cannot write', async () => {
    await expect(reads.run('no.such.task', [])).rejects.toThrow(/unknown read task/);
    expect((await pooled.inject({ url: `/api/v1/public/subjects/${ids.company}` })).statusCode).toBe(200);
    const reader = openDatabase(t.config, undefined, { reader: true });
    try {
      await expect(
        sql`UPDATE subjects SET name = 'changed' WHERE id = ${ids.company}`.execute(reader.kysely),
      ).rejects.toThrow(/readonly|query_only|attempt to write/i);
    } finally {
      await reader.close();
    }
  });
});

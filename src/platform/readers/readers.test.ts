import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createReaderPool, SerializedJson, type Reads } from '.';

const ENTRY = new URL('../../../bin/reader-thread.js', import.meta.url);
const TEST_READER = new URL('./readers.test-reader.ts', import.meta.url).href;

describe('reader pool', () => {
  let pool: Reads;
  beforeAll(async () => {
    pool = await createReaderPool(ENTRY, 2, { module: TEST_READER });
  });
  afterAll(() => pool.close());

  it('answers with the JSON the response schema encodes (keys outside it dropped)', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map((n) => pool.run('echo', [n])));
    expect(answers.map((a) => (a as SerializedJson).json)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}']);
    expect(answers[0]).toBeInstanceOf(SerializedJson);
  });

  it('hands back an AppError as itself: code, status, texts and details', async () => {
    const error = (await pool.run('fail', []).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'test.refused', status: 409, text: { zh: '拒绝', en: 'refused' } });
    expect(error.details).toEqual({ why: 'test' });
    await expect(pool.run('no.such.task', [])).rejects.toThrow(/unknown read task/);
  });

  it('fails the reads of a thread that dies, replaces it and goes on answering', async () => {
    await expect(pool.run('crash', [])).rejects.toThrow(/reader thread exited \(3\)/);
    const after = await Promise.all(Array.from({ length: 6 }, (_, n) => pool.run('echo', [n])));
    expect(after.map((a) => (a as SerializedJson).json)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `{"n":${n}}`));
  });

  it('refuses to start when a thread cannot', async () => {
    await expect(createReaderPool(ENTRY, 1, { module: new URL('./nope.ts', import.meta.url).href })).rejects.toThrow(
      /reader thread/,
    );
  });
});

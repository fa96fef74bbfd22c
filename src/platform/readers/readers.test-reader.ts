/** A reader thread for the pool's tests: tasks that answer, fail with an AppError, or end the thread. */
import { z } from 'zod';
import { AppError } from '../errors';
import type { AppDeps } from '../module';
import { serveReads } from './serve-reads';

serveReads(
  {
    echo: { response: z.object({ n: z.number() }), run: async (_deps, [n]) => ({ n, dropped: 'not in the schema' }) },
    fail: {
      response: z.object({}),
      run: async () => {
        throw new AppError('test.refused', 409, { zh: '拒绝', en: 'refused' }, { details: { why: 'test' } });
      },
    },
    crash: { response: z.object({}), run: async () => process.exit(3) },
  },
  {} as AppDeps,
);

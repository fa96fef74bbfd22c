/**
 * A reader thread (platform/readers): a read-only connection to the
 * platform's database and every module's read tasks. No migrations, no
 * reference data, no jobs: the main thread has done those before it starts.
 */
import { workerData } from 'node:worker_threads';
import type { Config } from './platform/config';
import { openDatabase } from './platform/db';
import { createLogger } from './platform/logging';
import { serveReads } from './platform/readers/serve-reads';
import { allReadTasks } from './boot';

const { config } = workerData as { config: Config };
const deps = {
  config: { ...config, secretKey: Buffer.from(config.secretKey) },
  db: openDatabase(config, undefined, { reader: true }),
  logger: createLogger(config.logLevel),
};
serveReads(allReadTasks(), deps);

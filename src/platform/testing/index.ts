/**
 * Test support: a real, migrated database per test file — a temporary SQLite
 * file by default, a fresh PostgreSQL schema when DATABASE_URL is set — and
 * the app on top of it. Never a mock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boot } from '../../boot';
import { buildApp } from '../../app';
import type { AppDeps } from '../module';
import type { HttpServer } from '../http';

export interface TestDeps extends AppDeps {
  readonly dataDir: string;
  /** Environment for a spawned `xinyong` CLI that works on this same database. */
  readonly cliEnv: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

const TEST_KEY = Buffer.alloc(32, 7);

export async function createTestDeps(): Promise<TestDeps> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xinyong-test-'));
  const url = process.env.DATABASE_URL;
  const postgres = !!url && /^postgres(ql)?:\/\//.test(url);
  const schema = postgres ? `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}` : undefined;
  if (postgres) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
  }
  const deps = await boot({
    config: {
      dataDir,
      sqlitePath: path.join(dataDir, 'test.db'),
      auditCheckpointFile: path.join(dataDir, 'audit-checkpoints.jsonl'),
      secretKey: TEST_KEY,
    },
    ...(schema ? { schema } : {}),
    logLevel: process.env.TEST_LOG ?? 'silent',
  });
  const cliEnv: NodeJS.ProcessEnv = {
    XINYONG_DATA_DIR: dataDir,
    XINYONG_SECRET_KEY: TEST_KEY.toString('hex'),
    DATABASE_URL: postgres ? url : `sqlite://${path.join(dataDir, 'test.db')}`,
    ...(schema ? { XINYONG_PG_SCHEMA: schema } : {}),
  };
  return {
    ...deps,
    dataDir,
    cliEnv,
    async cleanup() {
      await deps.db.close();
      if (postgres) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestDeps {
  readonly app: HttpServer;
}

/** The full HTTP app over a fresh database, for `app.inject` tests. */
export async function createTestApp(): Promise<TestApp> {
  const deps = await createTestDeps();
  const app = await buildApp(deps, { webDir: null, rateLimit: 100_000 });
  await app.ready();
  return {
    ...deps,
    app,
    async cleanup() {
      await app.close();
      await deps.cleanup();
    },
  };
}

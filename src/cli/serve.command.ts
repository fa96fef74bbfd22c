import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Command } from 'commander';
import { boot } from '../boot';
import { buildApp, defaultWebDir } from '../app';
import { checkpointAudit } from '../platform/audit';
import { startJobRunner } from '../platform/jobs';
import { demoAccounts, ensureDemo } from '../demo';
import { recordSchedules } from '../modules/records';
import { startReaders } from '../readers';

interface ServeOptions {
  port?: string;
  host?: string;
  demoSubjects?: string;
  demoRecords?: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it is missing or older than its sources. */
function ensureWebBuilt(): void {
  const built = path.join(defaultWebDir, 'index.html');
  const sources = path.join(repoRoot, 'web');
  if (!existsSync(sources)) return;
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return;
  console.log('正在构建网站… / Building the web app…');
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
}

async function serve(options: ServeOptions, defaults: { demoSubjects: number; demoRecords: number }): Promise<void> {
  const deps = await boot();
  const demoSubjects = options.demoSubjects !== undefined ? Number(options.demoSubjects) : defaults.demoSubjects;
  const demoRecords = options.demoRecords !== undefined ? Number(options.demoRecords) : defaults.demoRecords;
  if (demoSubjects > 0) await ensureDemo(deps, { subjects: demoSubjects, records: demoRecords });
  // Statistics for what migrations and the demo just wrote; the hourly job keeps them fresh.
  await deps.db.helpers.optimize(deps.db.kysely);
  const reads = await startReaders(deps);
  const app = await buildApp(reads ? { ...deps, reads } : deps);
  const port = options.port !== undefined ? Number(options.port) : deps.config.port;
  const host = options.host ?? deps.config.host;
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://localhost:${actualPort}`;
  const runner = startJobRunner(
    deps.db,
    [
      {
        name: 'audit.checkpoint',
        pattern: '*/10 * * * *',
        handler: async () => void (await checkpointAudit(deps.db, deps.config.auditCheckpointFile)),
      },
      {
        name: 'db.optimize',
        pattern: '37 * * * *',
        handler: () => deps.db.helpers.optimize(deps.db.kysely),
      },
      ...recordSchedules(deps),
    ],
    deps.logger,
  );
  console.log(`Listening on ${url}`);
  console.log(`  信用海淀网站 Website      ${url}/`);
  console.log(`  工作台 Console            ${url}/console`);
  console.log(`  接口文档 API docs         ${url}/api/docs`);
  console.log(`  数据库 Database           ${deps.db.dialect === 'sqlite' ? deps.config.sqlitePath : 'PostgreSQL'}`);
  console.log(`  读取线程 Reader threads   ${reads ? reads.size : 0} (XINYONG_READERS)`);
  if (demoSubjects > 0) {
    console.log('  演示账号 Demo accounts (username / password — role):');
    for (const a of demoAccounts) console.log(`    ${a.username.padEnd(14)} ${a.password.padEnd(14)} ${a.description}`);
  }
  const shutdown = async () => {
    runner.stop();
    await app.close();
    await reads?.close();
    await deps.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('Serve the API, the website and the console')
    .option('-p, --port <port>', 'port (0 picks a free one); default $PORT or 3000')
    .option('--host <host>', 'interface to listen on; default $HOST or 0.0.0.0')
    .option('--demo-subjects <n>', 'load the demo district with N subjects when the database is empty', '0')
    .option('--demo-records <n>', 'and N licence and penalty records', '0')
    .action((options: ServeOptions) => serve(options, { demoSubjects: 0, demoRecords: 0 }));
  program
    .command('start')
    .description('Build the web app if needed, load the demo district if the database is empty, and serve')
    .option('-p, --port <port>', 'port; default $PORT or 3000')
    .option('--host <host>', 'interface to listen on')
    .option('--demo-subjects <n>', 'demo district size', '20000')
    .option('--demo-records <n>', 'demo licence and penalty records', '6000')
    .action((options: ServeOptions) => {
      ensureWebBuilt();
      return serve(options, { demoSubjects: 20000, demoRecords: 6000 });
    });
}

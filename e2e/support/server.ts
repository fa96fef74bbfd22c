import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths';

export interface RunningPlatform {
  /** Origin to browse, without a trailing slash. */
  url: string;
  dataDir: string;
  /** The last lines the process printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartOptions {
  demoSubjects?: number;
  startTimeoutMs?: number;
}

const readyPrefix = 'Listening on http://';
const keptLines = 200;

/**
 * Starts the real platform (`xinyong serve`) on a free port with a fresh data
 * directory and the demo district, and resolves once it says it is listening.
 * DATABASE_URL, when set, passes through so the same tests run on PostgreSQL.
 */
export async function startPlatform(options: StartOptions = {}): Promise<RunningPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xinyong-e2e-'));
  const child = spawn(
    process.execPath,
    ['bin/xinyong.js', 'serve', '--port', '0', '--demo-subjects', String(options.demoSubjects ?? 300)],
    { cwd: repoRoot, env: { ...process.env, XINYONG_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // If the test runner dies first, do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const lines: string[] = [];
  const remember = (line: string) => {
    lines.push(line);
    if (lines.length > keptLines) lines.shift();
  };
  const output = () => lines.join('\n');
  // Both pipes are drained for the whole run: a full pipe would block the server mid-test.
  createInterface({ input: child.stderr }).on('line', remember);
  const stdout = createInterface({ input: child.stdout });

  const stop = async () => {
    process.off('exit', killOnExit);
    await terminate(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`platform did not start within ${options.startTimeoutMs ?? 90_000} ms`)),
        options.startTimeoutMs ?? 90_000,
      );
      stdout.on('line', (line) => {
        remember(line);
        if (line.startsWith(readyPrefix)) {
          clearTimeout(timer);
          resolve(reachableOrigin(line.slice('Listening on '.length).trim()));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`platform exited before listening (code ${code}, signal ${signal})`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return { url, dataDir, output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- platform output ---\n${output()}`, { cause: error });
  }
}

/** A wildcard bind address is not something a browser can open; use loopback instead. */
function reachableOrigin(printed: string): string {
  const url = new URL(printed);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

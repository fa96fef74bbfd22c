import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { distDir, repoRoot, webDir } from './paths';

const run = promisify(execFile);

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(`${path}/${entry}`));
  return newest;
}

/**
 * Browser tests must drive the built app the platform really serves, so build
 * it when it is missing, or older than web/ or vite.config.ts (a stale build
 * would test yesterday's UI). `XINYONG_E2E_SKIP_BUILD=1` trusts whatever is there.
 */
export async function ensureWebBuild(): Promise<void> {
  const builtIndex = `${distDir}index.html`;
  if (existsSync(builtIndex)) {
    if (process.env.XINYONG_E2E_SKIP_BUILD === '1') return;
    const builtAt = statSync(builtIndex).mtimeMs;
    if (builtAt >= Math.max(newestMtime(webDir), newestMtime(`${repoRoot}vite.config.ts`))) return;
  }
  // Vite's own bin through this Node: what `npx vite build` runs, without npx's lookup.
  await run(process.execPath, [`${repoRoot}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    // Vitest sets NODE_ENV=test, and Vite would honour it: a React development
    // build with import.meta.env.PROD false (no service worker). Test what ships.
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!existsSync(builtIndex)) throw new Error(`vite build finished but ${builtIndex} is missing`);
}

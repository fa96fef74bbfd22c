import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../bin/xinyong.js');

async function xinyong(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('xinyong id check', () => {
  it('prints kind, validity, normalised form and the precise reason', async () => {
    const result = await xinyong([
      'id',
      'check',
      '９１３５０１００Ｍ０００１００Ｙ４３',
      '91350100M000100Y44',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const [good, bad] = JSON.parse(result.stdout);
    expect(good).toMatchObject({ kind: 'uscc', valid: true, normalized: '91350100M000100Y43' });
    expect(bad).toMatchObject({ kind: 'uscc', valid: false, reason: { code: 'check_mismatch' } });
    expect(bad.reason.en).toBe('check character should be 3, got 4');
  });

  it('speaks Chinese by default and English on request', async () => {
    const zh = await xinyong(['id', 'check', 'D2143569-X', '110108000000016', '11010519491231002X']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('有效');
    expect(zh.stdout).not.toContain('11010519491231002X');
    const en = await xinyong(['id', 'check', '--lang', 'en', '110108000000017']);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/check (character|digit) should be 6, got 7/);
  });
});

describe('xinyong demo and subjects find', () => {
  it('builds a deterministic district and finds subjects in it', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-cli-'));
    try {
      // The CLI always opens a fresh SQLite file here, whatever DATABASE_URL the suite runs with.
      const env = { XINYONG_DATA_DIR: dir, DATABASE_URL: '' };
      const demo = await xinyong(['demo', '--subjects', '500'], env);
      expect(demo.code, demo.stderr).toBe(0);
      expect(demo.stdout).toContain('500');
      const found = await xinyong(['subjects', 'find', '科技', '--json'], env);
      const body = JSON.parse(found.stdout);
      expect(body.total).toBeGreaterThan(10);
      expect(body.items[0].name).toContain('科技');
      const byCode = await xinyong(['subjects', 'find', body.items[0].uscc, '--json'], env);
      expect(JSON.parse(byCode.stdout).items[0].name).toBe(body.items[0].name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

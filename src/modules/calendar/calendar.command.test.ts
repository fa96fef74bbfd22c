import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../../bin/xinyong.js');

describe('xinyong calendar', { timeout: 60_000 }, () => {
  let dir: string;
  // The CLI opens a fresh SQLite file here, whatever DATABASE_URL the suite runs with.
  const env = () => ({ ...process.env, XINYONG_DATA_DIR: dir, DATABASE_URL: '' });

  async function xinyong(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, 'calendar', ...args], { env: env() });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { stdout: string; stderr: string; code: number };
      return { stdout: e.stdout, stderr: e.stderr, code: e.code };
    }
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'xinyong-calendar-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the publication deadline, as JSON on request', async () => {
    const result = await xinyong('add-working-days', '2026-09-30', '7', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ from: '2026-09-30', days: 7, date: '2026-10-15', warnings: [] });
    expect(result.stderr).toBe('');
  });

  it('warns on stderr in both languages when a year has no data, and still answers', async () => {
    const result = await xinyong('add-working-days', '2030-09-30', '7');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('2030-10-09');
    expect(result.stderr).toContain('2030 年的节假日安排尚未完整录入');
    expect(result.stderr).toContain('Warning: The holiday arrangement for 2030');
  });

  it('refuses an impossible date with the reason in zh and en', async () => {
    const result = await xinyong('add-working-days', '2026-02-30', '7');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2026 年 2 月只有 28 天');
    expect(result.stderr).toContain('February 2026 has 28 days');
  });

  it('sets, shows and unsets a day', async () => {
    const set = await xinyong('set', '2026-10-15', 'holiday', '临时调整', '--name-en', 'Special day off');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('2026-10-15');
    expect(JSON.parse((await xinyong('add-working-days', '2026-09-30', '7', '--json')).stdout).date).toBe('2026-10-16');

    const shown = await xinyong('show', '2026', '--json');
    const detail = JSON.parse(shown.stdout);
    expect(detail).toMatchObject({ year: 2026, complete: true, source: '国办发明电〔2025〕7号', holidays: 20 });
    expect(detail.days).toContainEqual(expect.objectContaining({ date: '2026-10-15', updatedBy: 'cli' }));

    const unset = await xinyong('unset', '2026-10-15');
    expect(unset.code, unset.stderr).toBe(0);
    const text = await xinyong('show', '2026');
    expect(text.stdout).toContain('国办发明电〔2025〕7号');
    expect(text.stdout).toMatch(/2026-02-14 {2}周六 Sat {2}上班 workday/);
    expect(text.stdout).not.toContain('2026-10-15');
  });
});

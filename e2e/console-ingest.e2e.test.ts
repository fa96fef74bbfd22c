import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { signInToConsole } from './support/console';
import { openPage } from './support/pages';
import { searchSubjects, type PublicSubject } from './support/platform-api';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const toCsv = (rows: readonly (readonly string[])[]) =>
  Buffer.from(
    `\uFEFF${rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\r\n')}\r\n`,
  );

interface CatalogField {
  code: string;
  labelZh: string;
}

/** A field's column in a header of labels (the template marks required ones with `*`). */
function columnOf(header: readonly string[], fields: readonly CatalogField[], code: string): number {
  const label = fields.find((f) => f.code === code)!.labelZh;
  const index = header.findIndex((h) => h.replace(/\*$/, '') === label);
  if (index < 0) throw new Error(`no column for ${code} in ${header.join(',')}`);
  return index;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
  return (await response.json()) as T;
}

/** Demo companies with a USCC: real subjects the import will match. */
async function companies(count: number): Promise<Array<PublicSubject & { uscc: string }>> {
  const { items } = await searchSubjects(baseUrl, '有限', 50);
  const found = items.filter((s): s is PublicSubject & { uscc: string } => s.uscc !== null && s.uscc.length === 18);
  if (found.length < count) throw new Error('the demo district has too few companies with a USCC');
  return found.slice(0, count);
}

/** A USCC with its check character changed: well-formed, but wrong. */
const breakCheck = (uscc: string) => uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');

/** Citizen ID numbers (GB 11643: address, valid birth date, sequence, check) must never be shown in full. */
const CITIZEN_ID = /(?<![0-9A-Z])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Z])/;

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

async function expectNoCitizenId(page: Page): Promise<void> {
  const text = await page.evaluate(
    () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
  );
  expect(text).not.toMatch(CITIZEN_ID);
}

const signIn = (page: Page, username: string, password: string) => signInToConsole(page, baseUrl, username, password);

/** Chooses a catalog item in the searchable item select. */
async function chooseItem(page: Page, code: string): Promise<void> {
  await page.getByLabel('目录项').click();
  await page.getByLabel('目录项').fill(code);
  await page.locator('.ant-select-item-option-active', { hasText: code }).waitFor();
  await page.keyboard.press('Enter');
}

describe('console: data submission', () => {
  it('uploads a file with two bad rows, shows progress and errors, and takes the fixed rows back', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.clerk', 'Clerk@2026');

    // The file: the item's CSV template (header and sample row), filled with real demo companies.
    const template = parseCsv(await (await fetch(`${baseUrl}/api/v1/ingest/templates/ADM_PENALTY.csv`)).text());
    const [header, sample] = [template[0]!, template[1]!];
    const item = await getJson<{ fields: CatalogField[] }>('/api/v1/catalog/items/ADM_PENALTY');
    const column = (code: string) => columnOf(header, item.fields, code);
    const subjects = await companies(5);
    const run = `E2E-${Date.now().toString(36)}`;
    const rows = Array.from({ length: 200 }, (_, i) => {
      const row = [...sample];
      const subject = subjects[i % subjects.length]!;
      row[column('CF_WSH')] = `京海市监罚〔2026〕${run}-${i}号`;
      row[column('CF_XDR_MC')] = subject.name;
      row[column('CF_XDR_LB')] = '法人及非法人组织';
      row[column('CF_XDR_SHXYM')] = subject.uscc;
      row[column('CF_FR_ZJLX')] = '';
      row[column('CF_FR_ZJHM')] = '';
      row[column('CF_JDRQ')] = '2026-03-02';
      row[column('CF_YXQ')] = '2026-09-01';
      return row;
    });
    const goodUscc = rows[1]![column('CF_XDR_SHXYM')]!;
    rows[1]![column('CF_XDR_SHXYM')] = breakCheck(goodUscc); // file row 3
    rows[3]![column('CF_JDRQ')] = '2099-01-01'; // file row 5: a decision in the future

    await page.goto(`${baseUrl}/console/ingest`);
    await page.getByRole('heading', { level: 1, name: '批量上传' }).waitFor();
    await chooseItem(page, 'ADM_PENALTY');
    await expect
      .poll(() => page.getByRole('link', { name: /Excel 模板/ }).getAttribute('href'))
      .toContain('/api/v1/ingest/templates/ADM_PENALTY.xlsx');

    // Watch the page for the upload bar and the processing counts as they come and go.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        seen: string[];
        document: { body: unknown; querySelector: (s: string) => { textContent: string } | null };
        MutationObserver: new (cb: () => void) => { observe: (node: unknown, options: object) => void };
      };
      g.seen = [];
      new g.MutationObserver(() => {
        for (const id of ['ingest-upload-progress', 'ingest-processing-counts']) {
          const node = g.document.querySelector(`[data-testid="${id}"]`);
          if (node) g.seen.push(`${id}:${node.textContent}`);
        }
      }).observe(g.document.body, { subtree: true, childList: true, characterData: true });
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('点击选择文件，或将文件拖到此处').click();
    await (await chooser).setFiles({ name: 'penalties.csv', mimeType: 'text/csv', buffer: toCsv([header, ...rows]) });

    const title = page.getByTestId('ingest-result-title');
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toBe('导入完成，2 行有误未入库');
    const seen = await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
    expect(seen.some((s) => s.startsWith('ingest-upload-progress:'))).toBe(true);
    expect(seen.some((s) => /ingest-processing-counts:(已读取|正在提交)/.test(s))).toBe(true);
    expect(await page.getByTestId('stat-read').textContent()).toContain('200');
    expect(await page.getByTestId('stat-accepted').textContent()).toContain('198');
    expect(await page.getByTestId('stat-rejected').textContent()).toContain('2');

    // Both errors in the table: row, field, reason.
    const table = page.getByTestId('ingest-errors');
    const uscRow = table.locator('tbody tr', { hasText: '统一社会信用代码' });
    await uscRow.waitFor();
    expect(await uscRow.locator('td').first().textContent()).toBe('3');
    expect((await uscRow.locator('td').nth(3).textContent())!.length).toBeGreaterThan(4);
    const dateRow = table.locator('tbody tr', { hasText: '处罚决定日期' });
    expect(await dateRow.locator('td').first().textContent()).toBe('5');
    expect(await dateRow.textContent()).toContain('2099-01-01');
    await expectNoSeriousViolations(page, 'upload page with errors');
    await expectNoCitizenId(page);

    // The error report: the two rows as uploaded plus their reasons.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载错误报告（CSV）' }).click();
    const report = parseCsv(await readFile(await (await download).path(), 'utf8'));
    expect(report).toHaveLength(3);
    const reportHeader = report[0]!;
    const at = (code: string) => columnOf(reportHeader, item.fields, code);
    expect(report[1]![at('CF_XDR_SHXYM')]).toBe(breakCheck(goodUscc));
    expect(report[2]![at('CF_JDRQ')]).toBe('2099-01-01');
    expect(report[1]!.at(-1)).toMatch(/[\u4e00-\u9fff]/);
    const viewBatch = await page.getByRole('link', { name: '查看批次' }).getAttribute('href');
    const batchId = viewBatch!.split('/').pop()!;
    const xlsx = await page.request.get(`${baseUrl}/api/v1/ingest/batches/${batchId}/errors.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(3);

    // Fixed in the report itself, which goes back as it is (its reason column is ignored).
    report[1]![at('CF_XDR_SHXYM')] = goodUscc;
    report[2]![at('CF_JDRQ')] = '2026-03-03';
    await page.getByRole('button', { name: '上传改正后的文件' }).click();
    const again = page.waitForEvent('filechooser');
    await page.getByText('点击选择文件，或将文件拖到此处').click();
    await (await again).setFiles({ name: 'penalties-fixed.csv', mimeType: 'text/csv', buffer: toCsv(report) });
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toBe('导入完成');
    expect(await page.getByTestId('stat-accepted').textContent()).toContain('2');
    expect(await page.getByTestId('stat-rejected').textContent()).toContain('0');
    expect(await page.getByTestId('stat-created').textContent()).toContain('2');

    // No duplicates: the whole corrected file again changes nothing.
    const me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const fixedAll = rows.map((r) => [...r]);
    fixedAll[1]![column('CF_XDR_SHXYM')] = goodUscc;
    fixedAll[3]![column('CF_JDRQ')] = '2026-03-03';
    const whole = await page.request.post(`${baseUrl}/api/v1/ingest/items/ADM_PENALTY/files`, {
      headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken },
      data: toCsv([header, ...fixedAll]),
    });
    expect(await whole.json()).toMatchObject({ status: 'committed', created: 0, unchanged: 200, rejected: 0 });

    // The history lists the batches; one opens with its errors and report.
    await page.getByRole('link', { name: '报送记录' }).click();
    await page.getByRole('heading', { level: 1, name: '报送记录' }).waitFor();
    await page.getByTestId('ingest-batches').getByRole('link', { name: batchId }).waitFor();
    expect(await page.getByTestId('ingest-batches').textContent()).toContain('penalties.csv');
    await expectNoSeriousViolations(page, 'batch history');
    await page.getByTestId('ingest-batches').getByRole('link', { name: batchId }).click();
    await page.getByTestId('ingest-errors').locator('tbody tr', { hasText: '处罚决定日期' }).waitFor();
    expect(await page.getByText(/^[0-9a-f]{64}$/).count()).toBe(1);
    await expectNoSeriousViolations(page, 'batch page');
    await expectNoCitizenId(page);
    await context.close();
  });

  it('refuses a file of the wrong type before sending it, and a file for another item with a hint', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'scjg.clerk', 'Clerk@2026');
    await page.goto(`${baseUrl}/console/ingest`);
    await chooseItem(page, 'ADM_LICENSE');
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expect.poll(() => page.getByTestId('ingest-upload-error').textContent()).toContain('.csv 或 .xlsx');

    const penaltyTemplate = await (await fetch(`${baseUrl}/api/v1/ingest/templates/ADM_PENALTY.csv`)).arrayBuffer();
    await input.setInputFiles({ name: 'penalties.csv', mimeType: 'text/csv', buffer: Buffer.from(penaltyTemplate) });
    await expect
      .poll(() => page.getByTestId('ingest-result-title').textContent(), { timeout: 30_000 })
      .toBe('文件未能导入');
    expect(await page.getByTestId('ingest-result').textContent()).toContain('请确认选择了正确的目录项');
    await context.close();
  });

  it('shows the server’s message at an invalid USCC in the entry form, then saves the fixed record', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.clerk', 'Clerk@2026');
    const [subject] = await companies(1);
    const departments = await getJson<{ items: Array<{ code: string; nameZh: string; uscc: string }> }>(
      '/api/v1/departments',
    );
    const authority = departments.items.find((d) => d.code === 'scjgj')!;

    await page.goto(`${baseUrl}/console/ingest/entry`);
    await page.getByRole('heading', { level: 1, name: '手工录入' }).waitFor();
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('行政相对人名称').waitFor();
    await expectNoSeriousViolations(page, 'empty entry form');

    const choose = async (label: string, option: string) => {
      await field(label).click();
      await field(label).fill(option);
      await page.locator('.ant-select-item-option-active', { hasText: option }).waitFor();
      await page.keyboard.press('Enter');
    };
    const pickDate = async (label: string, date: string) => {
      await field(label).click();
      await field(label).fill(date);
      await field(label).press('Enter');
    };
    await field('行政相对人名称').fill(subject!.name);
    await choose('行政相对人类别', '法人及非法人组织');
    await field('统一社会信用代码').fill(breakCheck(subject!.uscc));
    await field('法定代表人').fill('王某');
    await field('行政处罚决定书文号').fill(`京海市监罚〔2026〕E2E-FORM-${Date.now().toString(36)}号`);
    await field('违法行为类型').fill('未按规定公示年度报告');
    await field('违法事实').fill('经查，当事人未按规定期限公示年度报告。');
    await field('处罚依据').fill('《企业信息公示暂行条例》第十八条');
    await choose('处罚类别', '警告');
    await page.keyboard.press('Escape');
    await field('处罚内容').fill('警告');
    await pickDate('处罚决定日期', '2026-03-02');
    await pickDate('处罚有效期', '2026-09-01');
    await field('处罚机关').fill(authority.nameZh);
    await field('处罚机关统一社会信用代码').fill(authority.uscc);
    await field('数据来源单位').fill(authority.nameZh);
    await field('数据来源单位统一社会信用代码').fill(authority.uscc);
    await page.getByRole('button', { name: '提交' }).click();

    // The importer's own message, at the field it concerns.
    const help = page.locator('#CF_XDR_SHXYM_help');
    await expect.poll(() => help.textContent(), { timeout: 15_000 }).toMatch(/[\u4e00-\u9fff]/);
    await expectNoSeriousViolations(page, 'entry form with a field error');

    await field('统一社会信用代码').fill(subject!.uscc);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByTestId('entry-success').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('entry-record-link').getAttribute('href')).toMatch(/^\/console\/records\/[0-9A-Z]+$/);
    await expectNoSeriousViolations(page, 'entry success');
    await expectNoCitizenId(page);
    await context.close();
  });
});

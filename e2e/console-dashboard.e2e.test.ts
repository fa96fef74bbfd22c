import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { signInToConsole } from './support/console';
import { openPage } from './support/pages';
import { searchSubjects } from './support/platform-api';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface Rate {
  count: number;
  of: number;
  rate: number | null;
}
interface SubmissionFigures {
  departmentCode: string;
  batches: number;
  rowsRead: number;
  rowsRejected: number;
  reasons: Array<{ code: string; rows: number }>;
  wrongOrDuplicateIdentifierRate: Rate;
  correctionRate: Rate;
}
interface RecordFigures {
  departmentCode: string;
  overdue: number;
  unmatched: number;
  total: number;
}

/** The span the dashboard opens with: the last 12 months, Beijing time. */
function lastTwelveMonths(): { from: string; to: string } {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
  const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - 11;
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

const signIn = (page: Page, username: string, password: string) => signInToConsole(page, baseUrl, username, password);

/** The number a statistic card shows (thousands separators removed). */
async function stat(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).locator('.ant-statistic-content').innerText()).replaceAll(',', '').trim();
}

/** What the page's own session gets from the API for the same span. */
async function figures(page: Page) {
  const span = lastTwelveMonths();
  const query = `from=${span.from}&to=${span.to}`;
  const submissions = (await (await page.request.get(`${baseUrl}/api/v1/ingest/stats?${query}`)).json()) as {
    departments: SubmissionFigures[];
  };
  const records = (await (await page.request.get(`${baseUrl}/api/v1/records/dashboard?${query}`)).json()) as {
    departments: RecordFigures[];
  };
  return { submissions: submissions.departments, records: records.departments };
}

beforeAll(async () => {
  browser = await launchBrowser();
  // This file's own submissions: one batch with a good row, a row with a wrong USCC and a duplicate.
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'scjg.clerk', password: 'Clerk@2026' }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const departments = (await (await fetch(`${baseUrl}/api/v1/departments`)).json()) as {
    items: Array<{ code: string; nameZh: string; uscc: string }>;
  };
  const scjgj = departments.items.find((d) => d.code === 'scjgj')!;
  const company = (await searchSubjects(baseUrl, '有限', 1)).items[0]!;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const run = String(Date.now()).slice(-7);
  const row = (wsh: string, uscc: string) => ({
    CF_XDR_MC: company.name,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: uscc,
    CF_FRDB: '王建国',
    CF_WSH: wsh,
    CF_WFXW: '未按规定公示年度报告',
    CF_SY: '当事人未按规定期限公示年度报告',
    CF_YJ: '《企业信息公示暂行条例》第十八条',
    CF_CFLB: '警告',
    CF_NR: '警告',
    CF_JDRQ: today,
    CF_YXQ: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    CF_CFJG: scjgj.nameZh,
    CF_CFJGDM: scjgj.uscc,
    CF_SJLY: scjgj.nameZh,
    CF_SJLYDM: scjgj.uscc,
  });
  const good = row(`京海市监罚〔2026〕看板${run}-1号`, company.uscc!);
  const response = await fetch(`${baseUrl}/api/v1/ingest/items/ADM_PENALTY/records`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      records: [good, row(`京海市监罚〔2026〕看板${run}-2号`, '91110108MA01ABCD0X'), good],
    }),
  });
  const batch = (await response.json()) as { rowsRead: number; rejected: number };
  expect(batch).toMatchObject({ rowsRead: 3, rejected: 2 });
});

afterAll(async () => {
  await browser?.close();
});

describe('console: dashboard', () => {
  it('shows a clerk their department’s figures, as the API counts them, with rendered charts', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.clerk', 'Clerk@2026');
    await page.goto(`${baseUrl}/console/dashboard`);
    await page.getByTestId('stat-batches').waitFor();

    const api = await figures(page);
    expect(api.submissions.map((d) => d.departmentCode)).toEqual(['scjgj']);
    const s = api.submissions[0]!;
    const r = api.records.find((d) => d.departmentCode === 'scjgj')!;
    expect(await stat(page, 'stat-batches')).toBe(String(s.batches));
    expect(await stat(page, 'stat-rows')).toBe(String(s.rowsRead));
    expect(await stat(page, 'stat-rejected')).toBe(String(s.rowsRejected));
    expect(await stat(page, 'stat-overdue')).toBe(String(r.overdue));
    expect(await stat(page, 'stat-unmatched')).toBe(String(r.unmatched));
    expect(await stat(page, 'stat-wrong-rate')).toBe(percent(s.wrongOrDuplicateIdentifierRate.rate));
    expect(await stat(page, 'stat-correction-rate')).toBe(percent(s.correctionRate.rate));
    expect(s.wrongOrDuplicateIdentifierRate.count).toBeGreaterThanOrEqual(2);

    // The charts are drawn (ECharts paints on a canvas), and the top reasons are listed in words.
    for (const chart of ['chart-submissions', 'chart-timeliness', 'chart-reasons'])
      await page.getByTestId(chart).locator('canvas').first().waitFor();
    const reasons = await page.getByTestId('reasons').innerText();
    expect(reasons).toContain('代码错误');
    expect(reasons).toContain('同一批次内重复');
    for (const line of reasons.split('\n')) expect(line).toMatch(/：\d+$/);

    // The rate's definition is one focus away.
    const info = page.getByRole('button', { name: /^重错码率: / });
    await info.focus();
    await page.getByText(/^重错码率 = 本期报送的数据行中/).waitFor();
    await info.blur();

    // The overdue figure leads to those records in the browser.
    expect(await page.getByTestId('overdue-link').getAttribute('href')).toBe(
      '/console/records?timeliness=overdue&status=active',
    );
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await page.screenshot({ path: 'e2e/artifacts/console-dashboard.png', fullPage: true });

    // In English, each reason ends with the English colon and its rows, never the Chinese full-width one.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('reasons').innerText()).toContain('Wrong code');
    for (const line of (await page.getByTestId('reasons').innerText()).split('\n')) {
      expect(line).toMatch(/[^：]: \d+$/);
      expect(line).not.toMatch(/[：（）]/);
    }
    await context.close();
  });

  it('shows the credit office every department side by side, sortable, and one department on demand', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'admin', 'Admin@2026');
    await page.goto(`${baseUrl}/console/dashboard`);
    const table = page.getByTestId('department-table');
    await table.waitFor();
    const departments = (await (await page.request.get(`${baseUrl}/api/v1/departments`)).json()) as {
      items: Array<{ code: string }>;
    };
    const rows = table.locator('tbody tr[data-row-key]');
    await expect.poll(() => rows.count()).toBe(departments.items.length);
    await page.getByTestId('chart-departments').locator('canvas').first().waitFor();

    const api = await figures(page);
    const scjgj = api.submissions.find((d) => d.departmentCode === 'scjgj')!;
    const district = api.submissions.reduce((n, d) => n + d.batches, 0);
    expect(await stat(page, 'stat-batches')).toBe(String(district));
    // The department's row says what the API says.
    const batchesColumn = 2;
    const scjgjRow = table.locator('tbody tr[data-row-key="scjgj"]');
    expect(await scjgjRow.locator(`td:nth-child(${batchesColumn})`).innerText()).toBe(String(scjgj.batches));

    // Sorted by batches, most first: the first row holds the largest count.
    const header = table.getByRole('columnheader', { name: /报送批次/ });
    await header.click();
    await header.click();
    const most = Math.max(...api.submissions.map((d) => d.batches));
    await expect.poll(() => rows.first().locator(`td:nth-child(${batchesColumn})`).innerText()).toBe(String(most));

    expect(describeViolations(await seriousViolations(page))).toBe('');
    await page.screenshot({ path: 'e2e/artifacts/console-dashboard-office.png', fullPage: true });

    // Focus on one department: the cards show its figures.
    const select = page.getByRole('combobox', { name: '部门' });
    await select.click();
    await select.pressSequentially('市场监督管理');
    await page.locator('.ant-select-item-option[title="北京市海淀区市场监督管理局"]').click();
    await expect.poll(() => stat(page, 'stat-batches')).toBe(String(scjgj.batches));
    await context.close();
  });

  it('fits a phone screen', async () => {
    const { context, page } = await openPage(browser, { width: 360, height: 780 });
    await signIn(page, 'scjg.clerk', 'Clerk@2026');
    await page.goto(`${baseUrl}/console/dashboard`);
    await page.getByTestId('chart-timeliness').locator('canvas').first().waitFor();
    const overflow = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
          .scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'e2e/artifacts/console-dashboard-360.png', fullPage: true });
    await context.close();
  });
});

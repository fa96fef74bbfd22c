import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { signInToConsole } from './support/console';
import { openPage } from './support/pages';
import { pickSearchCase } from './support/platform-api';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** expect.poll gives up after 1 s by default; a shared, loaded machine needs longer. */
const patient = { timeout: 15_000 };

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signIn(page: Page, username: string, password: string, path: string): Promise<void> {
  await signInToConsole(page, baseUrl, username, password);
  await page.goto(`${baseUrl}/console${path}`);
}

/** A signed-in API session in its own browser context (cookie + CSRF token), for set-up and checks. */
async function apiSession(username: string, password: string) {
  const context = await browser.newContext();
  const login = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { context, headers: { 'x-csrf-token': csrfToken } };
}

interface AuditEntry {
  action: string;
  actorName: string;
  subjectId: string | null;
  purpose: string | null;
  caseNumber: string | null;
  detail: Record<string, unknown>;
}

async function lookupAudit(context: BrowserContext): Promise<AuditEntry[]> {
  const response = await context.request.get(`${baseUrl}/api/v1/audit?action=subject.lookup.government&limit=200`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: AuditEntry[] }).items;
}

/** A valid GB 11643 citizen ID number, random enough that runs do not collide. */
function citizenId(): string {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const body = `110108${year}${month}${day}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

// The machine running the suite is shared: give each browser journey room.
describe('console subject look-up', { timeout: 150_000 }, () => {
  it('an officer looks up a company with a purpose and case number; the audit log holds it', async () => {
    const { subject, query } = await pickSearchCase(baseUrl);
    const caseNumber = `XK-E2E-${unique()}`;
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.officer', 'Officer@2026', '/lookup');

    await page.getByLabel('名称或标识').fill(query);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('button', { name: `政务查询：${subject.name}` }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('lookup-target').textContent(), patient).toBe(subject.name);
    expect(await seriousViolations(page), 'purpose dialog').toEqual([]);

    await dialog.getByLabel('行政许可审查').check();
    await dialog.getByLabel('事由说明').fill('许可申请信用审查');
    await dialog.getByLabel('案件/业务编号').fill(caseNumber);
    const lookup = page.waitForResponse((r) => r.url().endsWith('/api/v1/subjects/lookup'));
    await dialog.getByRole('button', { name: '确认查询' }).click();
    const response = await lookup;
    expect(response.status()).toBe(200);
    // The purpose travels in the body, not in the URL that proxies and logs keep.
    expect(response.request().method()).toBe('POST');
    expect(response.url()).not.toContain(encodeURIComponent('行政许可'));

    const view = page.getByTestId('government-view');
    await view.waitFor();
    expect(await view.getByRole('heading', { level: 2 }).textContent()).toBe(subject.name);
    expect(await view.textContent()).toContain(subject.uscc ?? '');
    expect(await page.getByTestId('lookup-audited').textContent()).toContain(caseNumber);
    await view.getByRole('heading', { name: '信用记录' }).waitFor();
    await view.getByRole('heading', { name: '变更历史' }).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // As the credit office, through the API: the entry names the officer, the purpose and the case number.
    const admin = await apiSession('admin', 'Admin@2026');
    const entry = (await lookupAudit(admin.context)).find((e) => e.caseNumber === caseNumber);
    expect(entry).toMatchObject({
      action: 'subject.lookup.government',
      subjectId: subject.id,
      purpose: '行政许可审查：许可申请信用审查',
      detail: expect.objectContaining({ found: true }),
    });
    expect(entry?.actorName).toBeTruthy();

    // …and in the audit viewer.
    const viewer = await admin.context.newPage();
    await viewer.goto(`${baseUrl}/console/admin/audit`);
    await viewer.getByLabel('操作', { exact: true }).fill('subject.lookup.government');
    await viewer.getByRole('button', { name: '筛选' }).click();
    await viewer.getByTestId('audit-table').getByText(caseNumber).waitFor();
    await admin.context.close();
    await context.close();
  });

  it('refuses a look-up without a purpose, in the form and on the server', async () => {
    const { subject, query } = await pickSearchCase(baseUrl);
    const { context, page } = await openPage(browser);
    await signIn(page, 'scjg.officer', 'Officer@2026', '/lookup');
    await page.getByLabel('名称或标识').fill(query);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('button', { name: `政务查询：${subject.name}` }).click();

    let lookups = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/subjects/lookup')) lookups += 1;
    });
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('案件/业务编号').fill(`NP-${unique()}`);
    await dialog.getByRole('button', { name: '确认查询' }).click();
    await dialog.getByText('请选择查询目的：没有目的的查询会被拒绝。').waitFor();
    expect(lookups).toBe(0);
    expect(await page.getByTestId('government-view').count()).toBe(0);

    // The server refuses too, whatever a client does, and says what is missing.
    const officer = await apiSession('scjg.officer', 'Officer@2026');
    const refused = await officer.context.request.post(`${baseUrl}/api/v1/subjects/lookup`, {
      headers: officer.headers,
      data: { subjectId: subject.id, caseNumber: 'NP-1' },
    });
    expect(refused.status()).toBe(400);
    const problem = (await refused.json()) as { code: string; title: string };
    expect(problem.code).toBe('subjects.purpose_required');
    expect(problem.title).toContain('查询目的');
    await officer.context.close();
    await context.close();
  });

  it('shows a natural person by ID number masked, in full only on request, and nowhere else', async () => {
    const idNumber = citizenId();
    const name = `测试自然人${unique()}`;
    const admin = await apiSession('admin', 'Admin@2026');
    const created = await admin.context.request.post(`${baseUrl}/api/v1/subjects`, {
      headers: admin.headers,
      data: { kind: 'natural_person', name, idNumber },
    });
    expect(created.status(), await created.text()).toBe(201);

    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.officer', 'Officer@2026', '/lookup');
    await page.getByLabel('名称或标识').fill(idNumber);
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByText('未找到公开主体').waitFor();
    await page.getByTestId('lookup-by-identifier').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('行政处罚案件办理').check();
    const caseNumber = `CF-E2E-${unique()}`;
    await dialog.getByLabel('案件/业务编号').fill(caseNumber);
    await dialog.getByRole('button', { name: '确认查询' }).click();
    const view = page.getByTestId('government-view');
    await view.waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await view.getByRole('heading', { level: 2 }).textContent()).toBe(name);

    // Masked by default (minimum necessary)…
    const shown = page.getByTestId('id-number');
    expect(await shown.textContent()).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(await page.locator('body').textContent()).not.toContain(idNumber);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // …and in full on request: the one place the rules allow it, a government view whose
    // look-up stated a purpose and was audited (DOMAIN §10).
    await page.getByRole('button', { name: '显示完整号码' }).click();
    expect(await shown.textContent()).toBe(idNumber);

    // The audit entry keeps the purpose and case number, never the number itself.
    const entry = (await lookupAudit(admin.context)).find((e) => e.caseNumber === caseNumber);
    expect(entry?.purpose).toBe('行政处罚案件办理');
    expect(JSON.stringify(entry)).not.toContain(idNumber);

    // Nowhere else: the audit viewer and the public site do not show it.
    const viewer = await admin.context.newPage();
    await viewer.goto(`${baseUrl}/console/admin/audit`);
    await viewer.getByTestId('audit-table').getByText(caseNumber).waitFor();
    expect(await viewer.locator('body').textContent()).not.toContain(idNumber);
    const portal = await context.newPage();
    await portal.goto(`${baseUrl}/`);
    expect(await portal.locator('body').textContent()).not.toContain(idNumber);
    await admin.context.close();
    await context.close();
  });

  it('fits a 360 px phone: the search field wraps under its label instead of running off the screen', async () => {
    const { context, page } = await openPage(browser, { width: 360 });
    await signIn(page, 'scjg.officer', 'Officer@2026', '/lookup');
    await page.getByLabel('名称或标识').waitFor();
    const pageWidth = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
          .scrollWidth,
    );
    expect(pageWidth).toBeLessThanOrEqual(360);
    const field = await page.getByLabel('名称或标识').boundingBox();
    expect(field!.x + field!.width).toBeLessThanOrEqual(360);
    await context.close();
  });
});

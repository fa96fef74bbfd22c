import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { signInToConsole } from './support/console';
import { openPage } from './support/pages';
import { shanghaiDaysAgo } from './support/portal-data';

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

const signIn = (page: Page, username: string, password: string) => signInToConsole(page, baseUrl, username, password);

async function signInAsAdmin(options: { bypassCSP?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {}) {
  const opened = await openPage(browser, options);
  await signIn(opened.page, 'admin', 'Admin@2026');
  const csrf = await opened.page.request.get(`${baseUrl}/api/v1/auth/me`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return { ...opened, headers: { 'x-csrf-token': csrfToken } };
}

/** Picks an option of an antd Select by typing part of its label. */
async function choose(page: Page, selectId: string, text: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await page.locator(`#${selectId}`).fill(text);
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** A full, valid GB 11643 citizen ID number (not a USCC, whose check differs). */
function containsCitizenId(text: string): string | null {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  for (const match of text.matchAll(
    /(?<![0-9A-Z])[1-6]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX](?![0-9A-Z])/g,
  )) {
    const sum = [...match[0].slice(0, 17)].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
    if ('10X98765432'[sum % 11] === match[0][17]) return match[0];
  }
  return null;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('console administration', { timeout: 180_000 }, () => {
  it('passes axe on every admin page and shows no full citizen ID number', async () => {
    const { context, page } = await signInAsAdmin({ bypassCSP: true });
    for (const path of [
      '/admin',
      '/admin/catalog',
      '/admin/catalog/ADM_PENALTY',
      '/admin/calendar',
      '/admin/users',
      '/admin/api-keys',
      '/admin/audit',
      '/lookup',
    ]) {
      await page.goto(`${baseUrl}/console${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      expect(containsCitizenId((await page.locator('body').textContent()) ?? ''), path).toBeNull();
    }
    await context.close();
  });

  it('creates a user who can sign in, then disables them', async () => {
    const { context, page } = await signInAsAdmin();
    const username = `e2e.user.${unique()}`;
    const password = 'E2e-Passw0rd!';
    await page.goto(`${baseUrl}/console/admin/users`);
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill('测试用户');
    await dialog.getByLabel('初始密码').fill(password);
    await dialog.getByLabel('部门业务人员').check();
    await choose(page, 'departmentCode', '市场监督管理局');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.locator('tr', { hasText: username });
    await row.waitFor();
    expect(await row.textContent()).toContain('部门业务人员');

    const probe = await browser.newContext();
    expect((await probe.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } })).status()).toBe(
      200,
    );

    await row.getByRole('button', { name: `停用 ${username}` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.textContent(), patient).toContain('已停用');
    const again = await browser.newContext();
    expect((await again.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } })).status()).toBe(
      401,
    );
    await Promise.all([probe.close(), again.close(), context.close()]);
  });

  it('creates an API key shown once, which works until it is revoked', async () => {
    const { context, page } = await signInAsAdmin();
    const name = `E2E 系统 ${unique()}`;
    await page.goto(`${baseUrl}/console/admin/api-keys`);
    await page.getByRole('button', { name: '新建密钥' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill(name);
    await choose(page, 'departmentCode', '市场监督管理局');
    await dialog.getByLabel('records.read').check();
    await dialog.getByRole('button', { name: '创建' }).click();

    const secretBox = page.getByTestId('api-key-secret');
    await secretBox.waitFor();
    const key = ((await secretBox.textContent()) ?? '').trim();
    expect(key).toMatch(/^xy_/);
    expect(await page.locator('.ant-typography-copy').count()).toBe(1);
    const withKey = { headers: { authorization: `Bearer ${key}` } };
    const probe = await browser.newContext();
    expect((await probe.request.get(`${baseUrl}/api/v1/records?limit=1`, withKey)).status()).toBe(200);

    await page.getByRole('button', { name: '我已保存密钥' }).click();
    await secretBox.waitFor({ state: 'detached' });
    const row = page.locator('tr', { hasText: name });
    await row.waitFor();
    // Shown once: after the dialog, only the prefix is on the page.
    expect(await page.locator('body').textContent()).not.toContain(key);
    expect(await row.textContent()).toContain(key.slice(0, 8));

    await row.getByRole('button', { name: `吊销 ${name}` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
    await expect.poll(() => row.textContent(), patient).toContain('已吊销');
    expect((await probe.request.get(`${baseUrl}/api/v1/records?limit=1`, withKey)).status()).toBe(401);
    await Promise.all([probe.close(), context.close()]);
  });

  it('opens dialogs without their zoom for people who asked their system for less motion', async () => {
    const durationIn = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { context, page } = await signInAsAdmin({ reducedMotion });
      await page.goto(`${baseUrl}/console/admin/calendar`);
      await page.locator('[data-date]').first().click();
      const dialog = page.locator('.ant-modal').first();
      await dialog.waitFor();
      const duration = await dialog.evaluate((element) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(name: string): string } })
          .getComputedStyle(element)
          .getPropertyValue('--ant-motion-duration-mid')
          .trim(),
      );
      await context.close();
      return duration;
    };
    expect(await durationIn('no-preference')).not.toMatch(/^0(s|ms)?$/);
    expect(await durationIn('reduce')).toMatch(/^0(s|ms)?$/);
  });

  it('edits a calendar day and the deadline calculator follows it', async () => {
    const { context, page } = await signInAsAdmin();
    // A future year nobody has entered: its deadlines carry a warning.
    const year = new Date().getFullYear() + 4;
    const days = await page.request.get(`${baseUrl}/api/v1/calendar/days?year=${year}`);
    const taken = new Set(((await days.json()) as { days: Array<{ date: string }> }).days.map((d) => d.date));
    let monday = '';
    for (let attempt = 0; attempt < 200 && !monday; attempt += 1) {
      const candidate = addDays(`${year}-03-01`, Math.floor(Math.random() * 240));
      if (weekday(candidate) !== 1) continue;
      if ([candidate, addDays(candidate, 1), addDays(candidate, -3)].some((d) => taken.has(d))) continue;
      monday = candidate;
    }
    expect(monday).not.toBe('');
    const friday = addDays(monday, -3);
    const tuesday = addDays(monday, 1);

    await page.goto(`${baseUrl}/console/admin/calendar`);
    await choose(page, 'calendar-year', String(year));
    const day = page.locator(`[data-date="${monday}"]`);
    await day.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('法定节假日（工作日放假）').check();
    await dialog.getByLabel('节日名称').fill('E2E测试日');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => day.textContent(), patient).toContain('节假日');

    const calculator = page.getByTestId('working-days-calculator');
    const result = page.getByTestId('working-days-result');
    const calculate = async () => {
      await calculator.getByLabel('起算日期').fill(friday);
      await calculator.getByLabel('工作日数').fill('1');
      await calculator.getByRole('button', { name: '计算' }).click();
    };
    await calculate();
    await expect.poll(() => result.textContent(), patient).toContain(tuesday);
    expect(await calculator.textContent()).toContain(String(year));

    // Back to the Monday–Friday rule: the deadline is the Monday again.
    await day.click();
    await dialog.getByLabel('按常规（周一至周五上班，周末休息）').check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => day.textContent(), patient).not.toContain('节假日');
    await calculate();
    await expect.poll(() => result.textContent(), patient).toContain(monday);
    await context.close();
  });

  it('saves a compatible catalog change as a new version and refuses a breaking one with its reasons', async () => {
    const { context, page, headers } = await signInAsAdmin();
    // A fresh item with one record of its own, so that no other test sees the changes.
    const categories = (await (await page.request.get(`${baseUrl}/api/v1/catalog/categories`)).json()) as {
      items: Array<{ code: string }>;
    };
    const code = `E2E_${unique().toUpperCase()}`;
    const text = (code: string, labelZh: string, required: boolean) => ({
      code,
      labelZh,
      labelEn: labelZh,
      type: 'string',
      maxLength: 200,
      required,
    });
    const created = await page.request.post(`${baseUrl}/api/v1/catalog/items`, {
      headers,
      data: {
        code,
        nameZh: `测试条目${code}`,
        nameEn: `Test item ${code}`,
        category: categories.items[0]!.code,
        conduct: { zh: '浏览器测试', en: 'browser test' },
        legalBasis: ['测试依据'],
        providingDepartments: ['scjgj'],
        subjectKinds: ['legal_person'],
        fields: [
          text('X_ZTMC', '主体名称', true),
          text('X_WSH', '文书号', true),
          {
            code: 'X_JDRQ',
            labelZh: '决定日期',
            labelEn: 'Decision date',
            type: 'date',
            required: true,
            notInFuture: true,
          },
          text('X_BZ', '备注', false),
        ],
        collectionMethods: ['api'],
        updateFrequency: 'daily',
        disclosure: 'government',
        publicationPeriod: { kind: 'none' },
        retentionYears: 5,
        identityKey: ['X_WSH'],
        changeNote: 'e2e',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const submitted = await page.request.post(`${baseUrl}/api/v1/ingest/items/${code}/records`, {
      headers,
      data: {
        departmentCode: 'scjgj',
        mode: 'all_or_nothing',
        records: [{ X_ZTMC: '北京测试科技有限公司', X_WSH: `E2E-${unique()}`, X_JDRQ: '2026-01-05' }],
      },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);

    await page.goto(`${baseUrl}/console/admin/catalog/${code}`);
    expect(await page.getByTestId('catalog-version').textContent()).toBe('1');
    const label = `Remarks ${unique()}`;
    await page.getByLabel('X_BZ 英文名').fill(label);
    await page.getByLabel('修改说明').fill('英文名称调整');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.getByTestId('catalog-version').textContent(), patient).toBe('2');
    await page.getByRole('tab', { name: '版本历史' }).click();
    await page.getByTestId('catalog-versions').getByText('英文名称调整').waitFor();
    const v2 = (await (await page.request.get(`${baseUrl}/api/v1/catalog/items/${code}`)).json()) as {
      currentVersion: number;
      fields: Array<{ code: string; labelEn: string }>;
    };
    expect(v2.currentVersion).toBe(2);
    expect(v2.fields.find((f) => f.code === 'X_BZ')?.labelEn).toBe(label);

    // The item has a record without remarks: making remarks required would invalidate it.
    await page.getByRole('tab', { name: '定义与字段' }).click();
    await page.getByLabel('X_BZ 必填').check();
    await page.getByLabel('修改说明').fill('备注改为必填');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    const error = page.getByTestId('catalog-error');
    await error.waitFor();
    const message = (await error.textContent()) ?? '';
    expect(message).toContain('已有 1 条记录');
    expect(message).toContain('X_BZ');
    expect(message).toContain('由选填改为必填');
    const after = (await (await page.request.get(`${baseUrl}/api/v1/catalog/items/${code}`)).json()) as {
      currentVersion: number;
    };
    expect(after.currentVersion).toBe(2);
    await context.close();
  });

  it('shows a department admin the users of their own department only, and no catalog or calendar', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'scjg.admin', 'DeptAdmin@2026');
    const menu = page.getByRole('navigation');
    await menu.getByText('用户管理').waitFor();
    expect(await menu.getByText('目录管理').count()).toBe(0);
    expect(await menu.getByText('工作日历').count()).toBe(0);
    await page.goto(`${baseUrl}/console/admin/users`);
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    const departments = await page.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(departments.length).toBeGreaterThan(0);
    expect(new Set(departments)).toEqual(new Set(['北京市海淀区市场监督管理局']));
    await context.close();
  });

  it('filters the audit log by a range of days, and says when the range is back to front', async () => {
    const { context, page } = await signInAsAdmin();
    const [today, tomorrow] = [shanghaiDaysAgo(0), shanghaiDaysAgo(-1)];
    await page.goto(`${baseUrl}/console/admin/audit`);
    const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    const filter = async (from: string, to: string) => {
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/audit?'));
      await page.getByLabel('日期自').fill(from);
      await page.getByLabel('日期至').fill(to);
      await page.getByRole('button', { name: '筛选' }).click();
      return answered;
    };

    // Signing in just now wrote an entry today (Beijing time); each row shown is of today.
    const todays = await filter(today, today);
    expect(todays.url()).toContain(`from=${today}&to=${today}`);
    await rows.first().waitFor();
    const times = await rows.locator('td:nth-child(3)').allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time.startsWith(today.replaceAll('-', '/'))).toBe(true);

    await filter(tomorrow, tomorrow);
    await expect.poll(() => rows.count(), patient).toBe(0);

    await page.getByLabel('日期自').fill(tomorrow);
    await page.getByLabel('日期至').fill(today);
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByText('结束日期早于开始日期，请改正其中一个日期后再筛选').waitFor();
    await context.close();
  });
});

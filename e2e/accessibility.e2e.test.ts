import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { openPage, statsSettled } from './support/pages';
import { ensurePortalData, type PortalData } from './support/portal-data';

const baseUrl = inject('baseUrl');
let browser: Browser;
let data: PortalData;

beforeAll(async () => {
  browser = await launchBrowser();
  data = await ensurePortalData(baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('portal home', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('latest-publicity').waitFor();
    await statsSettled(page);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    await context.close();
  });

  it.each([
    ['search results', (): string => `/search?q=${encodeURIComponent(data.query)}`, 'search-results'],
    ['entity credit page', (): string => `/subjects/${data.company.id}`, 'section-penalties'],
    ['entity page with more to show', (): string => `/subjects/${data.busy.id}`, 'shown-licences'],
    ['double publicity', (): string => '/publicity', 'records'],
    ['red list', (): string => '/lists/red', 'list-count'],
    ['black list', (): string => '/lists/black', 'list-entries'],
    ['about', (): string => '/about', 'about-departments'],
  ] as const)('portal %s', async (_name, path, ready) => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}${path()}`);
    await page
      .locator(`[data-testid="${ready}"], [data-testid="list-empty"], [data-testid="list-not-public"]`)
      .first()
      .waitFor();
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    await context.close();
  });

  it('portal record detail, in English', async () => {
    const params = new URLSearchParams({ q: data.personName, limit: '1' });
    const list = (await (await fetch(`${baseUrl}/api/v1/public/records?${params.toString()}`)).json()) as {
      items: Array<{ id: string }>;
    };
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}/publicity/${list.items[0]!.id}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administrative penalty' }).waitFor();
    await page.getByTestId('record-fields').waitFor();
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    await context.close();
  });

  it('console login', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}/console/login`);
    await page.getByLabel('用户名').waitFor();
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    await context.close();
  });

  it('console home, signed in', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}/console/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Admin@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('greeting').waitFor();
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    await context.close();
  });
});

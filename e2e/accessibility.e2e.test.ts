import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { openPage, statsSettled } from './support/pages';
import { pickSearchCase } from './support/platform-api';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('portal home', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}/`);
    await statsSettled(page);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
    await context.close();
  });

  it('portal search results', async () => {
    const { query } = await pickSearchCase(baseUrl);
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${baseUrl}/?q=${encodeURIComponent(query)}`);
    await page.getByTestId('search-results').waitFor();
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

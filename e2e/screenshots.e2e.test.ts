import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openPage, statsSettled } from './support/pages';
import { artifactsDir } from './support/paths';
import { pickSearchCase } from './support/platform-api';

const baseUrl = inject('baseUrl');
const widths = [360, 1280] as const;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(artifactsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Saves a full-page screenshot and checks nothing forces sideways scrolling at this width. */
async function capture(page: Page, name: string, width: number): Promise<void> {
  await page.screenshot({ path: `${artifactsDir}${name}-${width}.png`, fullPage: true });
  const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scrollWidth, `${name} overflows horizontally at ${width}px`).toBeLessThanOrEqual(width);
}

describe.each(widths)('screenshots at %i px', (width) => {
  it('portal home with search results', async () => {
    const { query } = await pickSearchCase(baseUrl);
    const { context, page } = await openPage(browser, { width });
    await page.goto(`${baseUrl}/?q=${encodeURIComponent(query)}`);
    await page.getByTestId('search-results').waitFor();
    await statsSettled(page);
    await capture(page, 'portal-home', width);
    await context.close();
  });

  it('console login and home', async () => {
    const { context, page } = await openPage(browser, { width });
    await page.goto(`${baseUrl}/console/login`);
    await page.getByLabel('用户名').waitFor();
    await capture(page, 'console-login', width);

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Admin@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('greeting').waitFor();
    await capture(page, 'console-home', width);
    await context.close();
  });
});

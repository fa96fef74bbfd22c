import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openPage, statsSettled } from './support/pages';
import { artifactsDir } from './support/paths';
import { ensurePortalData, type PortalData } from './support/portal-data';

const baseUrl = inject('baseUrl');
const widths = [360, 1280] as const;
let browser: Browser;
let data: PortalData;

beforeAll(async () => {
  browser = await launchBrowser();
  data = await ensurePortalData(baseUrl);
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

async function firstRecordId(name: string): Promise<string> {
  const params = new URLSearchParams({ q: name, limit: '1' });
  const response = await fetch(`${baseUrl}/api/v1/public/records?${params.toString()}`);
  const page = (await response.json()) as { items: Array<{ id: string }> };
  if (!page.items[0]) throw new Error(`no public record of ${name}`);
  return page.items[0].id;
}

describe.each(widths)('screenshots at %i px', (width) => {
  it('portal home', async () => {
    const { context, page } = await openPage(browser, { width });
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('latest-publicity').waitFor();
    await statsSettled(page);
    await capture(page, 'portal-home', width);
    await context.close();
  });

  it('portal pages', async () => {
    const personRecord = await firstRecordId(data.personName);
    // [artifact name, path, a test id that is there once the page has its data]
    const pages: Array<[string, string, string]> = [
      ['portal-search', `/search?q=${encodeURIComponent(data.query)}`, 'search-results'],
      ['portal-subject', `/subjects/${data.company.id}`, 'section-penalties'],
      ['portal-publicity', '/publicity', 'records'],
      ['portal-record', `/publicity/${personRecord}`, 'record-fields'],
      ['portal-red-list', '/lists/red', 'list-count'],
      ['portal-black-list', '/lists/black', 'list-entries'],
      ['portal-about', '/about', 'about-departments'],
    ];
    const { context, page } = await openPage(browser, { width });
    for (const [name, path, ready] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page
        .locator(`[data-testid="${ready}"], [data-testid="list-empty"], [data-testid="list-not-public"]`)
        .first()
        .waitFor();
      await capture(page, name, width);
    }
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

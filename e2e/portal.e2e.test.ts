import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openPage } from './support/pages';
import { fetchStats, pickSearchCase } from './support/platform-api';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('public website', () => {
  it('shows the site title and the statistics, with a clean console', async () => {
    const stats = await fetchStats(baseUrl);
    const { context, page } = await openPage(browser);
    // CSP violations, failed requests and React warnings all surface here.
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      // The harness's own doing (openPage blocks service workers), not the app's.
      if (message.text().includes('Service Worker registration blocked by Playwright')) return;
      problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${baseUrl}/`);
    expect(await page.title()).toBe('信用海淀');
    await expect.poll(() => page.getByTestId('site-name').textContent()).toBe('信用海淀');
    for (const [key, value] of Object.entries(stats)) {
      const card = page.getByTestId(`stat-${key}`);
      // Digits only: the card formats 12345 as 12,345.
      await expect.poll(async () => (await card.textContent())?.replace(/\D/g, '')).toBe(String(value));
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds a company by typing part of its name and pressing Enter', async () => {
    const { subject, query } = await pickSearchCase(baseUrl);
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/`);

    const searchBox = page.getByLabel('名称或统一社会信用代码');
    await searchBox.fill(query);
    await searchBox.press('Enter');

    // By id: two companies can share a name, and the demo district may well have twins.
    const card = page.getByTestId('search-results').locator(`[data-subject-id="${subject.id}"]`);
    await card.getByRole('heading', { name: subject.name, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    if (subject.uscc) expect(await card.textContent()).toContain(subject.uscc);
    await context.close();
  });

  it('switches to English, keeps it after a reload, and asks the API in English', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'English' }).click();

    await expect.poll(() => page.getByTestId('site-name').textContent()).toBe('Credit Haidian');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Public credit information search');
    expect(await page.evaluate("localStorage.getItem('xy.lang')")).toBe('en');

    const statsRequest = page.waitForRequest((request) => request.url().includes('/api/v1/public/stats'));
    await page.reload();
    expect((await statsRequest).headers()['accept-language']).toBe('en');
    await expect.poll(() => page.getByTestId('site-name').textContent()).toBe('Credit Haidian');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Credit Haidian');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('site-name').textContent()).toBe('信用海淀');
    await context.close();
  });

  it('is installable: manifest, icons and a service worker that caches the shell', async () => {
    const manifestResponse = await fetch(`${baseUrl}/manifest.webmanifest`);
    expect(manifestResponse.ok).toBe(true);
    const manifest = (await manifestResponse.json()) as { name: string; icons: Array<{ src: string }> };
    expect(manifest.name).toBe('信用海淀');
    for (const icon of manifest.icons) expect((await fetch(`${baseUrl}${icon.src}`)).ok).toBe(true);

    const { context, page } = await openPage(browser, { serviceWorkers: 'allow' });
    await page.goto(`${baseUrl}/`);
    const cacheNames = await page.evaluate(async () => {
      const scope = globalThis as unknown as {
        navigator: { serviceWorker: { ready: Promise<unknown> } };
        caches: { keys: () => Promise<string[]> };
      };
      await scope.navigator.serviceWorker.ready;
      return scope.caches.keys();
    });
    expect(cacheNames.some((name) => name.startsWith('xy-shell-'))).toBe(true);
    expect(cacheNames.some((name) => name.startsWith('xy-assets-'))).toBe(true);
    await context.close();
  });

  it('answers an unknown path with the site and a not-found page', async () => {
    const { context, page } = await openPage(browser);
    const response = await page.goto(`${baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await context.close();
  });

  it('says what to change when a shared link carries conditions the platform refuses', async () => {
    const { context, page } = await openPage(browser, { width: 360 });
    const tooLong = '信'.repeat(150);
    for (const path of [`/search?q=${tooLong}`, `/publicity?q=${tooLong}`]) {
      await page.goto(`${baseUrl}${path}`);
      const alert = page.getByTestId('invalid-conditions');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('关键字最多 100 个字');
      // Neither the API's parameter names nor a retry that would fail the same way.
      expect(await page.locator('main').innerText()).not.toContain('querystring');
      expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    }
    await context.close();
  });
});

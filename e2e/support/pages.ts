import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface PageOptions {
  width?: number;
  height?: number;
  /** Service workers off by default: a cached shell would hide what the server returns. */
  serviceWorkers?: 'allow' | 'block';
  /**
   * Only for injecting test tooling (axe-core): the platform's CSP forbids
   * inline scripts, which is right for the app and must stay on elsewhere.
   */
  bypassCSP?: boolean;
  /**
   * 'reduce' by default: antd then shows dialogs without their zoom, so a click never lands on
   * a frame of the animation (it did, on a loaded CI machine). The app honours the preference
   * for people too; one test opens a dialog with 'no-preference' to see both.
   */
  reducedMotion?: 'reduce' | 'no-preference';
}

/** A fresh context (no cookies, no storage) with one page, as a first-time visitor. */
export async function openPage(
  browser: Browser,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    serviceWorkers: options.serviceWorkers ?? 'block',
    bypassCSP: options.bypassCSP ?? false,
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}

/** Waits until the statistics cards have their numbers, or have given up with a message. */
export async function statsSettled(page: Page): Promise<void> {
  await page.locator('[data-testid="public-stats"] .ant-statistic-content, .stats__unavailable').first().waitFor();
}

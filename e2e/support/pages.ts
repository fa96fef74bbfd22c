import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface PageOptions {
  width?: number;
  height?: number;
  /** Service workers off by default: a cached shell would hide what the server returns. */
  serviceWorkers?: 'allow' | 'block';
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
  });
  const page = await context.newPage();
  return { context, page };
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openPage } from './support/pages';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface LoginBody {
  user: { displayName: string; roles: string[] };
}

describe('staff console', () => {
  it('opens the sign-in page with a clean browser console (no failed session check)', async () => {
    const { context, page } = await openPage(browser);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const probe = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/session'));
    await page.goto(`${baseUrl}/console/login`);
    expect((await probe).status()).toBe(200);
    await page.getByLabel('用户名').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('rejects a wrong password with a clear message in the UI language', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/console`);
    await page.waitForURL('**/console/login');

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();

    const error = page.getByTestId('login-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text.trim().length).toBeGreaterThan(3);
    // The server localises problems by Accept-Language; the console asks in Chinese.
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(page.url()).toContain('/console/login');
    expect(await page.getByLabel('密码').inputValue()).toBe('');

    // Switched to English, the same failure comes back in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Password').fill('still-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(async () => (await error.textContent()) ?? '').not.toBe(text);
    expect(await error.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await context.close();
  });

  it('signs in, greets the user, survives a reload, and signs out', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/console`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Admin@2026');

    const loginResponse = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/auth/login') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: '登录' }).click();
    const login = await loginResponse;
    expect(login.status()).toBe(200);
    const { user } = (await login.json()) as LoginBody;

    const greeting = page.getByTestId('greeting');
    await expect.poll(() => greeting.textContent()).toBe(`您好，${user.displayName}`);
    expect(new URL(page.url()).pathname).toBe('/console');

    // The session lives in a cookie: a reload restores it through /auth/me.
    await page.reload();
    await expect.poll(() => greeting.textContent()).toBe(`您好，${user.displayName}`);

    const logoutRequest = page.waitForRequest((request) => request.url().endsWith('/api/v1/auth/logout'));
    await page.getByRole('button', { name: '退出登录' }).click();
    expect((await logoutRequest).headers()['x-csrf-token']).toBeTruthy();
    await page.waitForURL('**/console/login');

    const me = await page.request.get(`${baseUrl}/api/v1/auth/me`);
    expect(me.status()).toBe(401);
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { openPage } from './support/pages';
import { ensurePortalData, fullIdPattern, type PortalData } from './support/portal-data';

const baseUrl = inject('baseUrl');
let browser: Browser;
let data: PortalData;

interface RecordPage {
  items: Array<{ id: string; subject: { name: string | null } }>;
}

/** The id of a public record, found through the public API by its counterpart's name. */
async function recordIdOf(name: string, item: string): Promise<string> {
  const params = new URLSearchParams({ q: name, item, limit: '5' });
  const page = (await (await fetch(`${baseUrl}/api/v1/public/records?${params.toString()}`)).json()) as RecordPage;
  const found = page.items.find((r) => r.subject.name === name);
  if (!found) throw new Error(`no public ${item} record of ${name}`);
  return found.id;
}

/** expect.poll gives up after 1 s by default; a shared, loaded machine needs longer. */
const patient = { timeout: 15_000 };

const text = (page: Page) => page.locator('body').innerText();

beforeAll(async () => {
  browser = await launchBrowser();
  data = await ensurePortalData(baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe('portal pages', () => {
  it('a citizen types part of a company name, opens its page and sees its licences and penalties', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    const box = page.getByLabel('名称或统一社会信用代码');
    await box.click();
    // Typed key by key, as a person does (IME composition aside).
    await page.keyboard.type(data.query, { delay: 30 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(data.query);

    const card = page.getByTestId('search-results').locator(`[data-subject-id="${data.company.id}"]`);
    await card.getByRole('link', { name: data.company.name, exact: true }).click();
    await page.waitForURL(`**/subjects/${data.company.id}`);
    await expect.poll(() => page.getByTestId('subject-name').textContent()).toBe(data.company.name);
    expect(await page.getByTestId('subject-basics').textContent()).toContain(data.company.uscc);

    const licences = page.getByTestId('section-licences');
    const licence = licences.locator('.record-card').filter({ hasText: data.documentNumbers.licence });
    await licence.waitFor();
    expect(await licence.getByTestId('record-department').textContent()).toBe(data.department.nameZh);
    expect(await licence.getByTestId('record-decision-date').textContent()).toBe(data.dates.licence);

    const penalty = page
      .getByTestId('section-penalties')
      .locator('.record-card')
      .filter({ hasText: data.documentNumbers.penalty });
    await penalty.waitFor();
    expect(await penalty.getByTestId('record-department').textContent()).toBe(data.department.nameZh);
    expect(await penalty.getByTestId('record-decision-date').textContent()).toBe(data.dates.penalty);
    expect(await penalty.textContent()).toContain('2.5 万元');

    // The black list entry has its own section; capabilities without data say so, not fail.
    expect(await page.getByTestId('section-lists').textContent()).toContain('市场监督管理严重违法失信名单');
    await page.getByTestId('empty-commitments').waitFor();
    await page.getByTestId('empty-inspections').waitFor();

    // Back returns to the results of the same search.
    await page.goBack();
    await page.getByTestId('search-results').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(data.query);
    await context.close();
  });

  it('narrows a search by region, keeps it in the URL, and Back undoes it', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent(data.query)}`);
    await page.getByTestId('search-results').waitFor();
    const regionName = data.company.regionName;
    if (!regionName) throw new Error(`the demo company ${data.company.name} has no region`);
    const region = page.getByLabel('所属区域');
    // Wait for the dictionary to fill the select, then pick the company's own region.
    await expect.poll(() => region.locator('option').count()).toBeGreaterThan(2);
    await region.selectOption({ label: regionName });
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBeTruthy();
    // The new answer replaces the old one: every card is in the region, the company among them.
    const regionsShown = () =>
      page
        .locator('.subject-card')
        .evaluateAll((cards) => cards.map((card) => (card as unknown as { innerText: string }).innerText));
    await expect.poll(async () => (await regionsShown()).every((card) => card.includes(regionName))).toBe(true);
    await page.getByTestId('search-results').locator(`[data-subject-id="${data.company.id}"]`).waitFor();
    expect(await page.getByTestId('results-count').textContent()).toMatch(/找到.*\d+.*信用主体/);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBeNull();
    await context.close();
  });

  it('pages through many results with the next-page button and Back', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('有限')}`);
    await page.getByTestId('search-results').waitFor();
    const ids = () =>
      page.locator('.subject-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-subject-id')));
    const first = await ids();
    expect(first).toHaveLength(20);
    await page.getByTestId('next-page').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
    await expect
      .poll(async () => {
        const shown = await ids();
        return shown.length > 0 && !shown.some((id) => first.includes(id));
      })
      .toBe(true);
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
    await expect.poll(ids).toEqual(first);
    await context.close();
  });

  it('opens a section of an entity page with its latest ten records and shows the rest on request', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/subjects/${data.busy.id}`);
    const licences = page.getByTestId('section-licences');
    const cards = licences.locator('.record-card');
    await expect.poll(() => cards.count(), patient).toBe(10);
    expect(await page.getByTestId('shown-licences').textContent()).toBe(`已显示 10 条，共 ${data.busy.licences} 条`);
    expect(await page.locator('.section-nav a[href="#section-licences"]').textContent()).toContain(
      String(data.busy.licences),
    );
    await licences.getByRole('button', { name: '显示更多行政许可' }).click();
    await expect.poll(() => cards.count(), patient).toBe(data.busy.licences);
    expect(await page.getByTestId('shown-licences').textContent()).toBe(
      `已显示 ${data.busy.licences} 条，共 ${data.busy.licences} 条`,
    );
    // Everything is shown: no button, and no record twice, newest decision first.
    expect(await licences.getByRole('button', { name: /显示更多/ }).count()).toBe(0);
    const dates = await licences.getByTestId('record-decision-date').allTextContents();
    expect(dates).toHaveLength(data.busy.licences);
    expect([...dates].sort().reverse()).toEqual(dates);
    const numbers = await cards.evaluateAll((nodes) => nodes.map((n) => (n as { textContent: string }).textContent));
    expect(new Set(numbers).size).toBe(data.busy.licences);
    await context.close();
  });

  it('filters the double-publicity channel by department and date range, and opens a record', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/publicity`);
    await page.getByTestId('records').waitFor();
    const department = page.getByLabel('来源部门');
    await expect.poll(() => department.locator('option').count()).toBeGreaterThan(2);
    await department.selectOption(data.department.code);
    await page.getByLabel('决定日期自').fill(data.dates.penalty);
    await page.getByLabel('决定日期至').fill(data.dates.person);
    await page.getByRole('button', { name: '查询' }).click();

    await expect.poll(() => new URL(page.url()).searchParams.get('department')).toBe(data.department.code);
    expect(new URL(page.url()).searchParams.get('from')).toBe(data.dates.penalty);
    const records = page.getByTestId('records');
    // Other files may submit penalties for the same demo company: pick ours by item and decision date.
    const ours = records
      .locator('.record-card[data-item="ADM_PENALTY"]')
      .filter({ hasText: data.company.name })
      .filter({ hasText: data.dates.penalty })
      .first();
    await ours.waitFor();
    const cards = records.locator('.record-card');
    for (let i = 0; i < (await cards.count()); i += 1) {
      const card = cards.nth(i);
      expect(await card.getByTestId('record-department').textContent()).toBe(data.department.nameZh);
      const decided = (await card.getByTestId('record-decision-date').textContent()) ?? '';
      expect(decided >= data.dates.penalty && decided <= data.dates.person, decided).toBe(true);
    }
    // The licence was decided before the range.
    expect(await records.textContent()).not.toContain(data.documentNumbers.licence);

    await ours.getByRole('link', { name: /查看详情/ }).click();
    await page.getByTestId('record-fields').waitFor();
    expect(await page.getByTestId('record-title').textContent()).toBe('行政处罚');
    const fields = (await page.getByTestId('record-fields').textContent()) ?? '';
    expect(fields).toContain(data.company.name);
    expect(fields).toContain(data.dates.penalty);
    await context.close();
  });

  it('renders the list pages and the about page', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/lists/black`);
    await page.getByRole('heading', { level: 1, name: '失信黑名单' }).waitFor();
    await page.getByTestId('list-entries').locator('.record-card').filter({ hasText: data.company.name }).waitFor();

    await page.goto(`${baseUrl}/lists/red`);
    await page.getByRole('heading', { level: 1, name: '守信红名单' }).waitFor();
    // Entries, none yet, or an explanation when the catalog keeps the list private: never an error.
    await page
      .locator('[data-testid="list-entries"], [data-testid="list-empty"], [data-testid="list-not-public"]')
      .first()
      .waitFor();
    expect(await page.locator('.ant-alert-error').count()).toBe(0);

    await page.goto(`${baseUrl}/about`);
    await page.getByRole('heading', { level: 1, name: '关于本站' }).waitFor();
    expect(await page.getByTestId('about-departments').textContent()).toContain(data.department.nameZh);
    for (const heading of ['信息来源', '哪些信息会公开', '个人信息保护', '如何提出异议', '如何申请信用修复']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await context.close();
  });

  it('leads out of a link with dates that do not exist, or a start after the end, by clearing the dates', async () => {
    const { context, page } = await openPage(browser, { width: 360 });
    const cases: Array<[string, string]> = [
      ['/publicity?from=2026-13-45&item=ADM_PENALTY', 'records-count'],
      ['/publicity?from=2026-05-01&to=2026-04-01&item=ADM_PENALTY', 'records-count'],
      ['/lists/black?to=2026-02-30', 'list-count'],
      ['/lists/black?from=2026-05-01&to=2026-04-01', 'list-count'],
    ];
    for (const [path, ready] of cases) {
      await page.goto(`${baseUrl}${path}`);
      const alert = page.getByTestId('invalid-dates');
      await alert.waitFor();
      expect(await alert.innerText(), path).toContain('链接中的日期无效');
      expect(await page.getByRole('button', { name: '重试' }).count(), path).toBe(0);
      expect(await page.locator('main').innerText(), path).not.toContain('querystring');
      await page.getByTestId('clear-dates').click();
      await page.getByTestId(ready).waitFor();
      const params = new URL(page.url()).searchParams;
      expect([params.get('from'), params.get('to')], path).toEqual([null, null]);
      // The other conditions stay.
      if (path.includes('item=')) expect(params.get('item')).toBe('ADM_PENALTY');
    }
    await context.close();
  });

  it('leads from a page cursor that is garbage or stale back to the first page, conditions kept', async () => {
    const { context, page } = await openPage(browser, { width: 360 });
    const cases: Array<[string, string]> = [
      ['/lists/black?cursor=xyz&page=3', 'list-entries'],
      ['/publicity?item=ADM_PENALTY&cursor=xyz&page=2', 'records'],
      [`/search?q=${encodeURIComponent(data.query)}&cursor=${'x'.repeat(30)}&page=2`, 'search-results'],
      // A cursor the search can read, but that points past every match: an empty page, not a dead end.
      [`/search?q=${encodeURIComponent(data.query)}&cursor=zzzzzzzz&page=2`, 'search-results'],
    ];
    for (const [path, ready] of cases) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('[data-testid="stale-cursor"], [data-testid="empty-page"]').first().waitFor();
      expect(await page.getByRole('button', { name: '重试' }).count(), path).toBe(0);
      expect(await page.locator('main').innerText(), path).not.toContain('分页游标无效');
      await page.getByTestId('first-page').click();
      await page.getByTestId(ready).waitFor();
      const before = new URL(`${baseUrl}${path}`).searchParams;
      const after = new URL(page.url()).searchParams;
      expect([after.get('cursor'), after.get('page')], path).toEqual([null, null]);
      before.delete('cursor');
      before.delete('page');
      expect(after.toString(), path).toBe(before.toString());
    }
    // The red list, public or not, never shows a dead end either.
    await page.goto(`${baseUrl}/lists/red?cursor=xyz`);
    await page.locator('[data-testid="stale-cursor"], [data-testid="list-not-public"]').first().waitFor();
    expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    await context.close();
  });

  it('switches every page to English', async () => {
    const personRecord = await recordIdOf(data.personName, 'ADM_PENALTY');
    const pages: Array<[string, string]> = [
      ['/', 'Public credit information search'],
      [`/search?q=${encodeURIComponent(data.query)}`, 'Search credit subjects'],
      [`/subjects/${data.company.id}`, data.company.name],
      ['/publicity', 'Double publicity'],
      [`/publicity/${personRecord}`, 'Administrative penalty'],
      ['/lists/red', 'Red list (trustworthy)'],
      ['/lists/black', 'Black list (serious dishonesty)'],
      ['/about', 'About this website'],
    ];
    const { context, page } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    for (const [path, heading] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Site navigation' }).textContent()).toContain(
        'Double publicity',
      );
    }
    // The entity page's sections and sources follow the language too.
    await page.goto(`${baseUrl}/subjects/${data.company.id}`);
    await page.getByRole('heading', { level: 2, name: /Administrative penalties/ }).waitFor();
    await expect.poll(() => page.getByTestId('section-penalties').textContent()).toContain(data.department.nameEn);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 2, name: /行政处罚/ }).waitFor();
    await context.close();
  });

  it('never shows a natural person’s full ID number on any page', async () => {
    const personRecord = await recordIdOf(data.personName, 'ADM_PENALTY');
    const visits: Array<[string, string]> = [
      ['/', 'latest-publicity'],
      [`/search?q=${encodeURIComponent(data.query)}`, 'search-results'],
      [`/subjects/${data.company.id}`, 'section-penalties'],
      [`/publicity?q=${encodeURIComponent(data.personName)}`, 'records'],
      [`/publicity/${personRecord}`, 'record-fields'],
      ['/lists/black', 'list-entries'],
      ['/about', 'about-departments'],
    ];
    const { context, page } = await openPage(browser);
    for (const [path, ready] of visits) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId(ready).waitFor();
      const body = await text(page);
      expect(body, path).not.toContain(data.personId);
      expect(body.match(fullIdPattern)?.[0] ?? null, path).toBeNull();
      expect(await page.content(), path).not.toContain(data.personId);
    }
    // The person's own record shows the masked form, in the field and inside free text.
    await page.goto(`${baseUrl}/publicity/${personRecord}`);
    const masked = `${data.personId.slice(0, 6)}********${data.personId.slice(-4)}`;
    await expect.poll(() => page.getByTestId('record-fields').textContent()).toContain(masked);
    // Natural persons have no public page to link to.
    expect(await page.getByRole('link', { name: '查看该主体的信用信息' }).count()).toBe(0);
    await context.close();
  });
});

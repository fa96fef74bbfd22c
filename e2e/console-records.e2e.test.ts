import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { signInToConsole } from './support/console';
import { openPage } from './support/pages';
import { searchSubjects } from './support/platform-api';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** A signed-in API session from Node (cookie + CSRF token), to set up data as a department would. */
async function apiSession(username: string, password: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username} → ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok && response.status !== 422) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  };
}

// Identifier check characters (DOMAIN §1), so the test makes codes no other test uses.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(body8: string): string {
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const c9 = 11 - ([...body8].reduce((s, c, i) => s + value(c) * orgWeights[i]!, 0) % 11);
  const body17 = `91110108${body8}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const sum = [...body17].reduce((s, c, i) => s + USCC_ALPHABET.indexOf(c) * (3 ** i % 31), 0);
  return body17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}
function citizenId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11];
}

const run = String(Date.now()).slice(-7);
const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86_400_000));

interface Department {
  code: string;
  nameZh: string;
  uscc: string;
}
interface RecordJson {
  id: string;
  recordKey: string;
  version: number;
  subject: { id: string | null; name: string | null };
  withdrawal: { deadline: string | null } | null;
  versions: Array<{ version: number; provenance: { batchId: string | null } }>;
}

const fixture = {
  matchedKey: '',
  personKey: '',
  unmatchedKey: '',
  newcomerKey: '',
  personId: '',
  companyName: '',
  strangerName: '',
  newcomerName: '',
  newcomerUscc: '',
  strangerUscc: '',
};
const ids = { matched: '', person: '', unmatched: '', newcomer: '' };

function penalty(
  by: Department,
  counterpart: Record<string, string>,
  wsh: string,
  decided: string,
  content = '罚款人民币伍仟元',
) {
  return {
    ...counterpart,
    CF_WSH: wsh,
    CF_WFXW: '虚假宣传',
    CF_SY: '当事人发布的商品宣传内容与实际不符',
    CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
    CF_CFLB: '罚款',
    CF_NR: content,
    CF_NR_FK: '0.5',
    CF_JDRQ: decided,
    CF_YXQ: daysAgo(-300),
    CF_CFJG: by.nameZh,
    CF_CFJGDM: by.uscc,
    CF_SJLY: by.nameZh,
    CF_SJLYDM: by.uscc,
  };
}

const signIn = (page: Page, username: string, password: string) => signInToConsole(page, baseUrl, username, password);

async function expectAccessible(page: Page): Promise<void> {
  expect(describeViolations(await seriousViolations(page))).toBe('');
}

/** No 18-character citizen ID number anywhere in the visible text. */
async function expectNoFullIdNumber(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(fixture.personId);
  expect(text).not.toMatch(/\b\d{17}[\dX]\b/);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const clerk = await apiSession('scjg.clerk', 'Clerk@2026');
  const { items: departments } = await clerk.get<{ items: Department[] }>('/api/v1/departments');
  const scjgj = departments.find((d) => d.code === 'scjgj')!;
  const company = (await searchSubjects(baseUrl, '有限', 1)).items[0];
  if (!company?.uscc) throw new Error('the demo district has no company with a USCC');
  fixture.companyName = company.name;
  fixture.matchedKey = `京海市监罚〔2026〕E2E${run}-1号`;
  fixture.personKey = `京海市监罚〔2026〕E2E${run}-2号`;
  fixture.unmatchedKey = `京海市监罚〔2026〕E2E${run}-3号`;
  fixture.personId = citizenId(`110108198501${10 + (Number(run.slice(-2)) % 18)}${run.slice(-5, -2)}`);
  fixture.strangerName = `北京核对${run}科技有限公司`;
  fixture.newcomerName = `北京新登${run}商贸有限公司`;
  fixture.newcomerUscc = uscc(`${run}9`);
  fixture.newcomerKey = `京海市监罚〔2026〕E2E${run}-4号`;
  const matched = {
    CF_XDR_MC: company.name,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: company.uscc,
    CF_FRDB: '王建国',
  };
  const person = { CF_XDR_MC: '测试自然人', CF_XDR_LB: '自然人', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: fixture.personId };
  // Registered by the credit office only after its record arrived (below), so the record waits unmatched.
  const strangerUscc = uscc(`${run}8`);
  const stranger = {
    CF_XDR_MC: fixture.strangerName,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: strangerUscc,
    CF_FRDB: '李四',
  };
  const newcomer = {
    CF_XDR_MC: fixture.newcomerName,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: fixture.newcomerUscc,
    CF_FRDB: '赵六',
  };
  const submit = (records: unknown[]) =>
    clerk.post<{ status: string; accepted: number; errors: unknown[] }>('/api/v1/ingest/items/ADM_PENALTY/records', {
      records,
    });
  const first = await submit([
    penalty(scjgj, matched, fixture.matchedKey, daysAgo(40)),
    penalty(scjgj, person, fixture.personKey, daysAgo(2)),
    penalty(scjgj, stranger, fixture.unmatchedKey, daysAgo(1)),
    penalty(scjgj, newcomer, fixture.newcomerKey, daysAgo(1)),
  ]);
  expect(first, JSON.stringify(first.errors)).toMatchObject({ status: 'committed', accepted: 4 });
  const office = await apiSession('admin', 'Admin@2026');
  await office.post('/api/v1/subjects', { kind: 'legal_person', name: fixture.strangerName, uscc: strangerUscc });
  fixture.strangerUscc = strangerUscc;
  // A correction: the same document number with changed content becomes version 2.
  const second = await submit([penalty(scjgj, matched, fixture.matchedKey, daysAgo(40), '罚款人民币捌仟元')]);
  expect(second).toMatchObject({ status: 'committed', accepted: 1 });
  // The newest records of the department are these (files run one after another).
  const { items } = await clerk.get<{ items: RecordJson[] }>('/api/v1/records?limit=20');
  const find = (suffix: string) => {
    const hit = items.find((r) => r.recordKey.includes(`E2E${run}-${suffix}`));
    if (!hit) throw new Error(`record E2E${run}-${suffix} not listed`);
    return hit;
  };
  // Keys as the platform stores and shows them (brackets normalised: 〔〕 → []).
  for (const [name, suffix] of [
    ['matched', '1'],
    ['person', '2'],
    ['unmatched', '3'],
    ['newcomer', '4'],
  ] as const) {
    const hit = find(suffix);
    ids[name] = hit.id;
    fixture[`${name}Key`] = hit.recordKey;
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('console: records browser', () => {
  it('lets a clerk filter records, open one and see its versions, changes and provenance', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.clerk', 'Clerk@2026');
    await page.goto(`${baseUrl}/console/records`);
    await page.getByTestId('records-total').filter({ hasText: '共' }).waitFor();
    await expectAccessible(page);

    // Filter by the subject's name and the decision dates, as a clerk would.
    await page.getByLabel('主体名称或代码').fill(fixture.companyName);
    await page.getByLabel('决定日期自').fill(daysAgo(41));
    await page.getByLabel('决定日期至').fill(daysAgo(39));
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/subject=/);
    const link = page.getByRole('link', { name: fixture.matchedKey });
    await link.waitFor();
    const api = await page.request.get(
      `${baseUrl}/api/v1/records?subject=${encodeURIComponent(fixture.companyName)}&decidedFrom=${daysAgo(41)}&decidedTo=${daysAgo(39)}`,
    );
    const { total } = (await api.json()) as { total: number };
    await expect.poll(() => page.getByTestId('records-total').innerText()).toBe(`共 ${total} 条记录`);
    await page.screenshot({ path: 'e2e/artifacts/console-records-list.png', fullPage: true });

    await link.click();
    await page.waitForURL(`**/console/records/${ids.matched}`);
    const v2 = page.getByTestId('version-2');
    await v2.waitFor();
    // What changed between the versions is highlighted: before struck out, after inserted.
    await expect.poll(() => v2.locator('del').allInnerTexts()).toContain('罚款人民币伍仟元');
    expect(await v2.locator('ins').allInnerTexts()).toContain('罚款人民币捌仟元');
    expect(await v2.locator('.records__field--changed').count()).toBe(1);
    // Provenance of each version: channel, batch, department, user, time.
    const detail = (await (await page.request.get(`${baseUrl}/api/v1/records/${ids.matched}`)).json()) as RecordJson;
    for (const version of detail.versions) {
      const provenance = await page.getByTestId(`provenance-${version.version}`).innerText();
      expect(provenance).toContain('接口报送');
      expect(provenance).toContain(version.provenance.batchId!);
      expect(provenance).toContain('scjgj');
    }
    expect(await page.getByTestId('publication-deadline').innerText()).toContain('已公示');
    await expectAccessible(page);
    await page.screenshot({ path: 'e2e/artifacts/console-record-detail.png', fullPage: true });
    await context.close();
  });

  it('never shows a natural person’s full ID number, in the list or on the record', async () => {
    const { context, page } = await openPage(browser, { width: 360, height: 780 });
    await signIn(page, 'scjg.clerk', 'Clerk@2026');
    await page.goto(`${baseUrl}/console/records?subject=${encodeURIComponent('测试自然人')}`);
    await page.getByRole('link', { name: fixture.personKey }).waitFor();
    await expectNoFullIdNumber(page);
    await page.goto(`${baseUrl}/console/records/${ids.person}`);
    await page.getByTestId('version-1').waitFor();
    expect(await page.locator('body').innerText()).toContain(`${fixture.personId.slice(0, 6)}********`);
    await expectNoFullIdNumber(page);
    await page.screenshot({ path: 'e2e/artifacts/console-record-detail-360.png', fullPage: true });
    await context.close();
  });

  it('lets a department admin withdraw a record with a reason, after confirming, and shows the deadline', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.admin', 'DeptAdmin@2026');
    await page.goto(`${baseUrl}/console/records/${ids.matched}`);
    await page.getByRole('button', { name: '撤回记录…' }).click();
    const dialog = page.getByRole('dialog', { name: '撤回公示' });
    await dialog.waitFor();
    // Without a reason the form says what to do.
    await dialog
      .getByRole('button', { name: '撤 回' })
      .or(dialog.getByRole('button', { name: '撤回' }))
      .click();
    await dialog.getByText('请填写撤回原因').waitFor();
    await dialog.getByLabel('撤回原因').fill('原处罚决定经行政复议被撤销');
    await dialog
      .getByRole('button', { name: '撤 回' })
      .or(dialog.getByRole('button', { name: '撤回' }))
      .click();
    await page.getByRole('button', { name: '确认撤回' }).click();
    const deadline = page.getByTestId('withdrawal-deadline');
    await deadline.waitFor();
    const record = (await (await page.request.get(`${baseUrl}/api/v1/records/${ids.matched}`)).json()) as RecordJson;
    expect(record.withdrawal?.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await deadline.innerText()).toBe(record.withdrawal!.deadline);
    expect(await page.getByTestId('version-3').innerText()).toContain('撤回');
    await expect.poll(() => page.getByRole('button', { name: '撤回记录…' }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('does not offer withdrawal to an officer', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'scjg.officer', 'Officer@2026');
    await page.goto(`${baseUrl}/console/records/${ids.person}`);
    await page.getByTestId('version-1').waitFor();
    expect(await page.getByRole('button', { name: '撤回记录…' }).count()).toBe(0);
    await context.close();
  });
});

describe('console: unmatched records', () => {
  it('lets a department admin link an unmatched record to a subject; it leaves the queue', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'scjg.admin', 'DeptAdmin@2026');
    await page.goto(`${baseUrl}/console/records/unmatched`);
    await page.getByTestId('unmatched-total').filter({ hasText: '共' }).waitFor();
    await expectAccessible(page);
    const before = (await (await page.request.get(`${baseUrl}/api/v1/records/unmatched?limit=1`)).json()) as {
      total: number;
    };
    expect(await page.getByTestId('unmatched-total').innerText()).toBe(`共 ${before.total} 条待匹配记录`);
    // Catalog items and departments by name, not by their codes.
    const row = page.getByRole('row').filter({ hasText: fixture.strangerName }).first();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('北京市海淀区市场监督管理局');
    expect(await row.innerText()).toContain('行政处罚');
    expect(await row.innerText()).not.toMatch(/ADM_PENALTY|scjgj/);

    await page.getByRole('button', { name: `为“${fixture.strangerName}”关联主体` }).click();
    const dialog = page.getByRole('dialog');
    // The search starts from the code the record gives; the subject registered since is found by it.
    expect(await dialog.getByLabel('查找主体').inputValue()).toBe(fixture.strangerUscc);
    await dialog
      .getByRole('button', { name: '查找' })
      .or(dialog.getByRole('button', { name: '查 找' }))
      .click();
    await dialog.getByRole('button', { name: `关联到 ${fixture.strangerName}` }).click();
    const result = page.getByTestId('link-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(fixture.strangerName);
    await expect
      .poll(() => page.getByTestId('unmatched-total').innerText())
      .toBe(`共 ${before.total - 1} 条待匹配记录`);
    expect(await page.getByRole('link', { name: fixture.unmatchedKey }).count()).toBe(0);

    // The server did the link (audited there), and the record says so.
    const record = (await (
      await page.request.get(`${baseUrl}/api/v1/records/${ids.unmatched}`)
    ).json()) as RecordJson & {
      subject: { matchMethod: string };
    };
    expect(record.subject).toMatchObject({ matchMethod: 'manual' });
    expect(record.subject.id).not.toBeNull();
    await page.screenshot({ path: 'e2e/artifacts/console-unmatched.png', fullPage: true });
    await context.close();
  });

  it('lets the credit office register the subject of an unmatched record and link it in one go', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    await signIn(page, 'admin', 'Admin@2026');
    await page.goto(`${baseUrl}/console/records/unmatched`);
    await page.getByRole('button', { name: `为“${fixture.newcomerName}”关联主体` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: '登记新主体' }).click();
    // Prefilled from the record as submitted.
    expect(await dialog.getByLabel('名称').inputValue()).toBe(fixture.newcomerName);
    expect(await dialog.getByLabel('统一社会信用代码').inputValue()).toBe(fixture.newcomerUscc);
    await dialog.getByRole('button', { name: '登记主体并关联' }).click();
    await page.getByTestId('link-result').filter({ hasText: fixture.newcomerName }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: fixture.newcomerKey }).count()).toBe(0);
    const record = (await (await page.request.get(`${baseUrl}/api/v1/records/${ids.newcomer}`)).json()) as RecordJson;
    expect(record.subject.id).not.toBeNull();
    const found = await searchSubjects(baseUrl, fixture.newcomerUscc);
    expect(found.items.map((s) => s.id)).toContain(record.subject.id);
    await context.close();
  });
});

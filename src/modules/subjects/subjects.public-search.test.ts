import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../platform/context';
import { createTestApp, type TestApp } from '../../platform/testing';
import { computeOrgCodeCheck, computeUsccCheck } from './identifiers';
import { registerSubject } from './subjects.service';
import { subjectsEnv } from './subjects.env';

function uscc(prefix2: string, body8: string): string {
  const body17 = `${prefix2}110108${body8}${computeOrgCodeCheck(body8)}`;
  return body17 + computeUsccCheck(body17);
}

interface Hit {
  id: string;
  name: string;
  kind: string;
  regionCode: string | null;
  industrySection: string | null;
}
interface Page {
  items: Hit[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
}

/** The search page of the website: filters (kind, region, industry), paging and counts of /public/subjects. */
describe('public subject search: filters and paging', () => {
  let t: TestApp;
  const search = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const env = subjectsEnv(t);
    const caller = systemCaller('search-test');
    const rows = [
      ['91', '1A2B3C01', 'legal_person', '北京翻检科技有限公司', '中关村街道', 'I'],
      ['91', '1A2B3C02', 'legal_person', '北京翻检餐饮有限公司', '中关村街道', 'H'],
      ['91', '1A2B3C03', 'legal_person', '北京翻检建筑有限公司', '上地街道', 'E'],
      ['92', '1A2B3C04', 'individual_business', '海淀区翻检小吃店', '中关村街道', 'H'],
      ['52', '1A2B3C05', 'other_org', '北京翻检研究会', '上地街道', 'M'],
    ] as const;
    for (const [prefix, body, kind, name, region, industry] of rows) {
      await registerSubject(env, caller, {
        kind,
        name,
        uscc: uscc(prefix, body),
        region,
        industrySection: industry,
      });
    }
    await registerSubject(env, caller, {
      kind: 'natural_person',
      name: '翻检人',
      idNumber: '11010519491231002X',
      region: '中关村街道',
    });
  });
  afterAll(() => t.cleanup());

  it('narrows a name search by kind, region and industry, with the right total', async () => {
    expect((await search(`q=${encodeURIComponent('翻检')}`)).total).toBe(5);
    const people = await search(`q=${encodeURIComponent('翻检')}&kind=individual_business`);
    expect(people.items.map((i) => i.name)).toEqual(['海淀区翻检小吃店']);
    const zgc = await search(`q=${encodeURIComponent('翻检')}&region=110108011`);
    expect(zgc.total).toBe(3);
    expect(zgc.items.every((i) => i.regionCode === '110108011')).toBe(true);
    const food = await search(`q=${encodeURIComponent('翻检')}&industry=h&region=110108011`);
    expect(new Set(food.items.map((i) => i.name))).toEqual(new Set(['北京翻检餐饮有限公司', '海淀区翻检小吃店']));
  });

  it('pages with a cursor: every hit once, the same total on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await search(`q=${encodeURIComponent('翻检')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it('browses by filters alone, without a term, and never lists natural persons', async () => {
    const zgc = await search('region=110108011');
    expect(zgc.total).toBe(3);
    expect(zgc.items.some((i) => i.kind === 'natural_person')).toBe(false);
    const orgs = await search('kind=other_org');
    expect(orgs.items.map((i) => i.name)).toEqual(['北京翻检研究会']);
    const first = await search('region=110108011&limit=2');
    const second = await search(`region=110108011&limit=2&cursor=${first.nextCursor}`);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
    expect(second.nextCursor).toBeNull();
    expect((await search('kind=natural_person')).total).toBe(0);
    // No term and no filter: nothing, not the whole register.
    expect(await search('q=')).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a malformed industry section', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/subjects?industry=ZZ' });
    expect(res.statusCode).toBe(400);
  });
});

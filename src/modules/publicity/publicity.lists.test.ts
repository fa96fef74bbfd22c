import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../platform/context';
import { createTestApp, type TestApp } from '../../platform/testing';
import { exportCatalog, updateCatalogItem } from '../catalog';
import { registerSubject, subjectsEnv } from '../subjects';
import { authority, daysAgo, makeCitizenId, makeUscc, submit, type Authority } from './publicity.test-support';

interface Rec {
  id: string;
  itemCode: string;
  subject: { id: string | null; name: string | null; uscc: string | null };
  department: { code: string };
  decisionDate: string | null;
  publicationEnd: string | null;
  fields: Array<{ code: string; value: string }>;
}
interface ListPage {
  list: 'red' | 'black';
  item: { code: string; nameZh: string } | null;
  items: Rec[];
  total: number;
  nextCursor: string | null;
}

let serial = 0;

/** A list entry payload (RED_LIST / BLACK_LIST share the fields). */
function entry(
  by: Authority,
  listType: string,
  subject: { name: string; uscc: string } | { name: string; idNumber: string },
  decided: string,
  validUntil: string,
): Record<string, unknown> {
  serial += 1;
  const who =
    'idNumber' in subject
      ? { MD_ZTMC: subject.name, MD_ZTLB: '自然人', MD_ZJLX: '身份证', MD_ZJHM: subject.idNumber }
      : { MD_ZTMC: subject.name, MD_ZTLB: '法人及非法人组织', MD_TYSHXYDM: subject.uscc };
  return {
    MD_MDLX: listType,
    ...who,
    MD_LRYY: '经查，未按期履行生效法律文书确定的义务',
    MD_RDWH: `京海认〔2026〕${serial}号`,
    MD_RDBM: by.name,
    MD_RDBMDM: by.uscc,
    MD_RDRQ: decided,
    MD_YXQZ: decided,
    MD_YXQZI: validUntil,
    MD_ZT: '有效',
  };
}

describe('publicity: red and black lists', () => {
  let t: TestApp;
  const companyUscc = makeUscc();
  const personId = makeCitizenId();
  const ids = { company: '', black: '', person: '', expired: '', red: '' };
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}` });
    return { status: res.statusCode, body: res.body, json: () => res.json<ListPage>() };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const fy = await authority(t, 'fy');
    const swj = await authority(t, 'swj');
    const company = { name: '北京名单测试有限公司', uscc: companyUscc };
    ids.company = (
      await registerSubject(subjectsEnv(t), systemCaller('lists-test'), { kind: 'legal_person', ...company })
    ).id;
    [ids.black, ids.person, ids.expired] = (
      await submit(
        t,
        'BLACK_LIST',
        'fy',
        [
          entry(fy, '失信被执行人', company, daysAgo(30), daysAgo(-700)),
          entry(fy, '失信被执行人', { name: '赵名单', idNumber: personId }, daysAgo(20), daysAgo(-700)),
          // Its validity (the publication window) ended yesterday.
          entry(fy, '失信被执行人', { name: '北京过期名单有限公司', uscc: makeUscc() }, daysAgo(400), daysAgo(1)),
        ],
        daysAgo(2),
      )
    ).map((r) => r.recordId) as [string, string, string];
    [ids.red] = (
      await submit(
        t,
        'RED_LIST',
        'swj',
        [entry(swj, '纳税信用A级纳税人', company, daysAgo(60), daysAgo(-300))],
        daysAgo(2),
      )
    ).map((r) => r.recordId) as [string];
  });
  afterAll(() => t.cleanup());

  it('lists the black list entries inside their window, newest first, with department and dates', async () => {
    const res = await get('/public/lists/black');
    expect(res.status, res.body).toBe(200);
    const page = res.json();
    expect(page.item).toMatchObject({ code: 'BLACK_LIST', nameZh: '失信黑名单' });
    expect(page.items.map((r) => r.id)).toEqual([ids.person, ids.black]);
    expect(page.total).toBe(2);
    const company = page.items.find((r) => r.id === ids.black)!;
    expect(company.subject).toMatchObject({ id: ids.company, uscc: companyUscc });
    expect(company.department.code).toBe('fy');
    expect(company.decisionDate).toBe(daysAgo(30));
    expect(res.body).not.toContain(ids.expired);
  });

  it('masks a natural person’s ID number and gives no page link for them', async () => {
    const res = await get('/public/lists/black');
    expect(res.body).not.toContain(personId);
    const person = res.json().items.find((r) => r.id === ids.person)!;
    expect(person.subject).toMatchObject({ id: null, uscc: null });
    expect(person.fields.find((f) => f.code === 'MD_ZJHM')?.value).toBe(
      `${personId.slice(0, 6)}********${personId.slice(-4)}`,
    );
  });

  it('lists the red list, filters by department and name, pages, and refuses unknown lists', async () => {
    const red = (await get('/public/lists/red')).json();
    expect(red.item?.code).toBe('RED_LIST');
    expect(red.items.map((r) => r.id)).toEqual([ids.red]);
    expect((await get('/public/lists/black?department=swj')).json().total).toBe(0);
    const named = (await get(`/public/lists/black?q=${encodeURIComponent('名单测试')}`)).json();
    expect(named.items.map((r) => r.id)).toEqual([ids.black]);
    const first = (await get('/public/lists/black?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await get(`/public/lists/black?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((r) => r.id)).toEqual([ids.black]);
    expect(second.nextCursor).toBeNull();
    expect((await get('/public/lists/grey')).status).toBe(400);
    expect((await get('/public/lists/black?item=ADM_PENALTY')).status).toBe(400);
  });

  it('shows list entries on the entity page, in their own section', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${ids.company}/records` });
    type Section = { items: Rec[]; total: number };
    const body = res.json<{ lists: Section; commitments: Section; inspections: Section; other: Section }>();
    expect(new Set(body.lists.items.map((r) => r.id))).toEqual(new Set([ids.black, ids.red]));
    expect(body.lists.total).toBe(2);
    // Two items in one section: merged newest decision first, and paged across both with one cursor.
    const dates = body.lists.items.map((r) => r.decisionDate ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const one = (await get(`/public/subjects/${ids.company}/records/lists?limit=1`)).json() as unknown as Section & {
      nextCursor: string;
    };
    expect(one.items.map((r) => r.id)).toEqual([body.lists.items[0]!.id]);
    expect(one.total).toBe(2);
    const two = (
      await get(`/public/subjects/${ids.company}/records/lists?limit=1&cursor=${one.nextCursor}`)
    ).json() as unknown as Section & { nextCursor: string | null };
    expect(two.items.map((r) => r.id)).toEqual([body.lists.items[1]!.id]);
    expect(two.total).toBe(2);
    expect(two.nextCursor).toBeNull();
    expect(body.commitments.items).toEqual([]);
    expect(body.inspections.items).toEqual([]);
    expect(body.other.items).toEqual([]);
  });

  it('shows nothing of a list the catalog stops making public', async () => {
    const document = await exportCatalog(t.db.kysely);
    const definition = document.items.find((i) => i.definition.code === 'RED_LIST')!.definition;
    await updateCatalogItem(t.db, systemCaller('lists-test'), 'RED_LIST', {
      definition: { ...definition, disclosure: 'government' },
      changeNote: '改为政务共享',
    });
    const res = await get('/public/lists/red');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ list: 'red', item: null, items: [], total: 0, nextCursor: null });
    expect(res.body).not.toContain(ids.red);
    const entity = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${ids.company}/records` });
    expect(entity.body).not.toContain(ids.red);
  });
});

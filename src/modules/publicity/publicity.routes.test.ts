import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../platform/context';
import { createTestApp, type TestApp } from '../../platform/testing';
import { definitionOf, getCatalogItem, updateCatalogItem } from '../catalog';
import { DEFAULT_RECORDS_SETTINGS, endExpiredPublications, getRecord, withdrawRecord } from '../records';
import { registerSubject, subjectsEnv } from '../subjects';
import { presentPublicRecord } from './publicity.presenter';
import {
  authority,
  clockOn,
  daysAgo,
  licence,
  makeCitizenId,
  makeUscc,
  penalty,
  submit,
  today,
} from './publicity.test-support';

interface Field {
  code: string;
  labelZh: string;
  labelEn: string;
  value: string;
  unit: string | null;
  valueLabelZh: string | null;
}
interface Rec {
  id: string;
  itemCode: string;
  subject: { id: string | null; name: string | null; uscc: string | null };
  department: { code: string; nameZh: string };
  decisionDate: string | null;
  publishedOn: string;
  publicationEnd: string | null;
  fields: Field[];
}
interface Page {
  items: Rec[];
  total: number;
  nextCursor: string | null;
}
/** One section of an entity page, or one page of it. */
interface SectionPage extends Page {
  totalCapped: boolean;
}

describe('publicity: the public read model', () => {
  let t: TestApp;
  const admin = systemCaller('publicity-admin');
  const companyUscc = makeUscc();
  const otherUscc = makeUscc();
  const personId = makeCitizenId();
  const repId = makeCitizenId();
  const whistleId = makeCitizenId();
  const ids = {
    company: '',
    person: '',
    visible: '',
    licence: '',
    withdrawn: '',
    pending: '',
    pastWindow: '',
    expired: '',
    government: '',
    personPenalty: '',
    bulk: [] as string[],
    other: '',
  };

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  const list = async (query: string) => {
    const res = await get(`/public/records${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, page: res.json<Page>() };
  };
  const hidden = () => [ids.withdrawn, ids.pending, ids.pastWindow, ids.expired, ids.government];

  beforeAll(async () => {
    t = await createTestApp();
    const scjgj = await authority(t, 'scjgj');
    const sthjj = await authority(t, 'sthjj');
    const senv = subjectsEnv(t);
    ids.company = (
      await registerSubject(senv, admin, { kind: 'legal_person', name: '北京公示测试有限公司', uscc: companyUscc })
    ).id;
    ids.person = (
      await registerSubject(senv, admin, { kind: 'natural_person', name: '张公示', idNumber: personId })
    ).id;
    const company = { name: '北京公示测试有限公司', uscc: companyUscc, repId };
    const T = today();

    [ids.visible] = (
      await submit(
        t,
        'ADM_PENALTY',
        'scjgj',
        [
          penalty(scjgj, company, daysAgo(10), {
            CF_NR_FK: 12_500_000, // 12.5 万元
            CF_SY: `经查，举报人（身份证号${whistleId}）反映属实`,
          }),
        ],
        daysAgo(8),
      )
    ).map((r) => r.recordId) as [string];
    [ids.licence] = (await submit(t, 'ADM_LICENSE', 'sthjj', [licence(sthjj, company, daysAgo(30))], daysAgo(28))).map(
      (r) => r.recordId,
    ) as [string];
    [ids.withdrawn] = (
      await submit(t, 'ADM_PENALTY', 'scjgj', [penalty(scjgj, company, daysAgo(20))], daysAgo(18))
    ).map((r) => r.recordId) as [string];
    await withdrawRecord(
      t.db,
      admin,
      ids.withdrawn,
      { reason: '原处罚决定经行政复议被撤销', revokedOn: daysAgo(2) },
      { settings: DEFAULT_RECORDS_SETTINGS, now: clockOn(daysAgo(1)) },
    );
    [ids.pending] = (
      await submit(t, 'ADM_PENALTY', 'scjgj', [penalty(scjgj, company, daysAgo(3))], daysAgo(2), {
        publishOnReceipt: false,
      })
    ).map((r) => r.recordId) as [string];
    // Published and still `active`, but its window closed 3 days ago (the expiry job has not run for it).
    [ids.pastWindow] = (
      await submit(
        t,
        'ADM_LICENSE',
        'scjgj',
        [licence(scjgj, company, daysAgo(60), { XK_YXQZI: daysAgo(3) })],
        daysAgo(55),
      )
    ).map((r) => r.recordId) as [string];
    // Expired by the job.
    [ids.expired] = (
      await submit(
        t,
        'ADM_LICENSE',
        'scjgj',
        [licence(scjgj, company, daysAgo(90), { XK_YXQZI: daysAgo(20) })],
        daysAgo(85),
      )
    ).map((r) => r.recordId) as [string];
    await endExpiredPublications(t.db, daysAgo(10));
    // 政务共享 only: never public.
    const jrb = await authority(t, 'jrb');
    [ids.government] = (
      await submit(
        t,
        'INTERNET_FINANCE_RISK',
        'jrb',
        [
          {
            JR_QYMC: '北京公示测试有限公司',
            JR_TYSHXYDM: companyUscc,
            JR_YWLX: '网络借贷',
            JR_FXLX: '逾期兑付',
            JR_FXDJ: '高',
            JR_FXMS: '监测发现逾期兑付',
            JR_JCRQ: daysAgo(4),
            JR_TBBM: jrb.name,
          },
        ],
        daysAgo(4),
      )
    ).map((r) => r.recordId) as [string];
    [ids.personPenalty] = (
      await submit(
        t,
        'ADM_PENALTY',
        'scjgj',
        [penalty(scjgj, { name: '张公示', idNumber: personId }, daysAgo(5))],
        daysAgo(4),
      )
    ).map((r) => r.recordId) as [string];
    // Pagination: twelve penalties of another company (more than an entity page's first page of a
    // section), two or three on the same decision date.
    const other = { name: '北京翻页科技有限公司', uscc: otherUscc };
    ids.other = (await registerSubject(senv, admin, { kind: 'legal_person', ...other })).id;
    const dates = [40, 40, 41, 41, 41, 42, 43, 44, 44, 45, 46, 47].map((n) => daysAgo(n, T));
    ids.bulk = (
      await submit(
        t,
        'ADM_PENALTY',
        'scjgj',
        dates.map((d) => penalty(scjgj, other, d)),
        daysAgo(39),
      )
    ).map((r) => r.recordId);
  });
  afterAll(() => t.cleanup());

  it('seeds what each case needs through the real write path', async () => {
    const state = async (id: string) => (await getRecord(t.db.kysely, id)).record;
    expect((await state(ids.visible)).publication.publishedAt).not.toBeNull();
    expect((await state(ids.withdrawn)).status).toBe('withdrawn');
    expect((await state(ids.pending)).publication.publishedAt).toBeNull();
    const past = await state(ids.pastWindow);
    expect(past.status).toBe('active');
    expect(past.publication.publishedAt).not.toBeNull();
    expect(past.publication.maxEnd).toBe(daysAgo(3));
    expect((await state(ids.expired)).status).toBe('expired');
    expect((await state(ids.visible)).subject.id).toBe(ids.company);
    expect((await state(ids.personPenalty)).subject.id).toBe(ids.person);
  });

  it('lists a published, active penalty with labels, department, dates and 万元 amounts', async () => {
    const { page } = await list('?item=ADM_PENALTY&limit=100');
    const rec = page.items.find((r) => r.id === ids.visible);
    expect(rec).toBeDefined();
    expect(rec!.department).toMatchObject({ code: 'scjgj' });
    expect(rec!.department.nameZh).toMatch(/市场监督管理局/);
    expect(rec!.decisionDate).toBe(daysAgo(10));
    expect(rec!.publishedOn).toBe(daysAgo(8));
    expect(rec!.publicationEnd).not.toBeNull();
    expect(rec!.subject).toMatchObject({ id: ids.company, uscc: companyUscc });
    const fine = rec!.fields.find((f) => f.code === 'CF_NR_FK');
    expect(fine).toMatchObject({
      labelZh: '罚款金额(万元)',
      labelEn: 'Fine (10,000 yuan)',
      value: '12.5',
      unit: '万元',
    });
    expect(rec!.fields.find((f) => f.code === 'CF_WSH')?.labelZh).toBe('行政处罚决定书文号');
    // Only catalog fields, and never the legal representative's ID number.
    expect(rec!.fields.some((f) => f.code.startsWith('CF_FR_ZJHM'))).toBe(false);
  });

  it('hides withdrawn, pending, past-window, expired and government-only records everywhere', async () => {
    const { page, body } = await list('?limit=100');
    const shown = new Set(page.items.map((r) => r.id));
    for (const id of hidden()) {
      expect(shown.has(id), id).toBe(false);
      expect(body).not.toContain(id);
      const detail = await get(`/public/records/${id}`);
      expect(detail.statusCode, id).toBe(404);
      expect(detail.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(detail.json<{ code: string }>().code).toBe('publicity.record_not_found');
    }
    const entity = await get(`/public/subjects/${ids.company}/records`);
    expect(entity.statusCode).toBe(200);
    for (const id of hidden()) expect(entity.body).not.toContain(id);
    // Visible: the company's penalty and licence, the person's penalty and the bulk penalties.
    expect(page.total).toBe(3 + ids.bulk.length);
    expect(page.items).toHaveLength(page.total);
  });

  it('answers a hidden record exactly as a record that does not exist', async () => {
    const missing = await get('/public/records/01JZZZZZZZZZZZZZZZZZZZZZZZ');
    const hiddenOne = await get(`/public/records/${ids.withdrawn}`);
    expect(missing.statusCode).toBe(404);
    // The same problem, apart from echoing the id that was asked for.
    const missingId = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const shape = (body: string, id: string) => {
      const {
        requestId: _r,
        instance: _i,
        ...rest
      } = JSON.parse(body.replaceAll(id, '<id>')) as Record<string, unknown>;
      return rest;
    };
    expect(shape(hiddenOne.body, ids.withdrawn)).toEqual(shape(missing.body, missingId));
    expect(hiddenOne.headers['content-type']).toBe(missing.headers['content-type']);
  });

  it('shows one public record and its fields', async () => {
    const res = await get(`/public/records/${ids.licence}`);
    expect(res.statusCode).toBe(200);
    const rec = res.json<Rec>();
    expect(rec.itemCode).toBe('ADM_LICENSE');
    expect(rec.department.code).toBe('sthjj');
    expect(rec.publicationEnd).toBeNull(); // 9999-12-31: no end
    expect(rec.fields.find((f) => f.code === 'XK_ZT')).toMatchObject({ value: '0', valueLabelZh: '正常' });
  });

  it('never shows a natural person’s or a legal representative’s ID number in full', async () => {
    const bodies = [
      (await list('?limit=100')).body,
      (await list(`?q=${encodeURIComponent('张公示')}`)).body,
      (await get(`/public/records/${ids.personPenalty}`)).body,
      (await get(`/public/records/${ids.visible}`)).body,
      (await get(`/public/subjects/${ids.company}/records`)).body,
    ];
    for (const body of bodies) {
      for (const id of [personId, repId, whistleId]) expect(body).not.toContain(id);
    }
    const rec = (await get(`/public/records/${ids.personPenalty}`)).json<Rec>();
    const masked = `${personId.slice(0, 6)}********${personId.slice(-4)}`;
    expect(rec.fields.find((f) => f.code === 'CF_XDR_ZJHM')?.value).toBe(masked);
    expect(rec.subject).toMatchObject({ id: null, uscc: null, name: '张公示' });
    // An ID number typed into free text is masked too.
    const visible = (await get(`/public/records/${ids.visible}`)).json<Rec>();
    expect(visible.fields.find((f) => f.code === 'CF_SY')?.value).toContain(
      `${whistleId.slice(0, 6)}********${whistleId.slice(-4)}`,
    );
  });

  it('gives an entity page of licences, penalties and other; natural persons have none', async () => {
    const res = await get(`/public/subjects/${ids.company}/records`);
    const body = res.json<Record<'licences' | 'penalties' | 'other', SectionPage>>();
    expect(body.licences).toEqual({
      items: [expect.objectContaining({ id: ids.licence })],
      total: 1,
      totalCapped: false,
      nextCursor: null,
    });
    expect(body.penalties.items.map((r) => r.id)).toEqual([ids.visible]);
    expect(body.penalties.total).toBe(1);
    expect(body.other).toEqual({ items: [], total: 0, totalCapped: false, nextCursor: null });
    const person = await get(`/public/subjects/${ids.person}/records`);
    const nobody = await get('/public/subjects/01JZZZZZZZZZZZZZZZZZZZZZZZ/records');
    expect(person.statusCode).toBe(404);
    expect(nobody.statusCode).toBe(404);
    expect(person.json<{ code: string }>().code).toBe(nobody.json<{ code: string }>().code);
    expect(person.body).not.toContain(personId);
  });

  it('opens each section of an entity page with its first ten records and pages through the rest', async () => {
    const other = (await list(`?q=${encodeURIComponent('翻页')}&limit=100`)).page.items;
    const companyId = ids.other;
    expect(other.every((r) => r.subject.id === companyId)).toBe(true);
    const opened = await get(`/public/subjects/${companyId}/records`);
    expect(opened.statusCode, opened.body).toBe(200);
    const first = opened.json<Record<string, SectionPage>>();
    expect(first.penalties!.items.map((r) => r.id)).toEqual(other.slice(0, 10).map((r) => r.id));
    expect(first.penalties!.total).toBe(12);
    expect(first.penalties!.totalCapped).toBe(false);
    expect(first.penalties!.nextCursor).not.toBeNull();
    expect(first.licences).toMatchObject({ items: [], total: 0, nextCursor: null });

    // The section's own pages, from the start or from the first page's cursor: newest first, each record once.
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(
        `/public/subjects/${companyId}/records/penalties?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<SectionPage>();
      expect(page.total).toBe(12);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(other.map((r) => r.id));
    const rest = (
      await get(`/public/subjects/${companyId}/records/penalties?cursor=${first.penalties!.nextCursor}`)
    ).json<SectionPage>();
    expect(rest.items.map((r) => r.id)).toEqual(other.slice(10).map((r) => r.id));
    expect(rest.nextCursor).toBeNull();

    // A section the subject has nothing in, a section that does not exist, a bad cursor, a natural person.
    expect((await get(`/public/subjects/${companyId}/records/inspections`)).json<SectionPage>()).toMatchObject({
      items: [],
      total: 0,
    });
    const unknown = await get(`/public/subjects/${companyId}/records/secrets`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('section');
    expect((await get(`/public/subjects/${companyId}/records/penalties?cursor=garbage`)).statusCode).toBe(400);
    expect((await get(`/public/subjects/${companyId}/records/penalties?limit=101`)).statusCode).toBe(400);
    const person = await get(`/public/subjects/${ids.person}/records/penalties`);
    expect(person.statusCode).toBe(404);
    expect(person.body).not.toContain(personId);
    // Hidden records stay hidden on a section's pages too.
    const companyPenalties = (await get(`/public/subjects/${ids.company}/records/penalties?limit=100`)).body;
    for (const id of hidden()) expect(companyPenalties).not.toContain(id);
  });

  it('filters by item, department, decision date and name', async () => {
    const licences = (await list('?item=ADM_LICENSE')).page;
    expect(licences.items.map((r) => r.id)).toEqual([ids.licence]);
    expect(licences.total).toBe(1);
    const sthjj = (await list('?department=sthjj')).page;
    expect(sthjj.items.map((r) => r.id)).toEqual([ids.licence]);
    const window = (await list(`?from=${daysAgo(41)}&to=${daysAgo(40)}`)).page;
    expect(window.total).toBe(5);
    expect(window.items.every((r) => r.decisionDate! >= daysAgo(41) && r.decisionDate! <= daysAgo(40))).toBe(true);
    const named = (await list(`?q=${encodeURIComponent('翻页')}&limit=100`)).page;
    expect(new Set(named.items.map((r) => r.id))).toEqual(new Set(ids.bulk));
    expect((await list(`?q=${encodeURIComponent('%')}`)).page.total).toBe(0);
    expect((await get('/public/records?item=INTERNET_FINANCE_RISK')).statusCode).toBe(400);
    expect((await get('/public/records?unknown=1')).statusCode).toBe(400);
    expect((await get('/public/records?cursor=garbage')).statusCode).toBe(400);
  });

  it('pages newest decision first, stably, with the right total', async () => {
    const all = (await list('?limit=100')).page.items;
    const order = all.map((r) => [r.decisionDate ?? '', r.id] as const);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? b[1].localeCompare(a[1]) : b[0].localeCompare(a[0])));
    expect(order).toEqual(sorted);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { page } = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(all.length);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all.map((r) => r.id));
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it('the presenter re-checks every condition (defence in depth)', async () => {
    const { record } = await getRecord(t.db.kysely, ids.visible);
    const item = await getCatalogItem(t.db.kysely, 'ADM_PENALTY', record.itemVersion);
    const T = today();
    const dept = { zh: '区市场监管局', en: 'Market' };
    expect(presentPublicRecord(record, item, dept, T)).not.toBeNull();
    expect(presentPublicRecord(record, { ...item, disclosure: 'government' }, dept, T)).toBeNull();
    expect(presentPublicRecord(record, item, dept, T, { ...item, disclosure: 'authorised' })).toBeNull();
    expect(presentPublicRecord({ ...record, status: 'repaired' }, item, dept, T)).toBeNull();
    expect(
      presentPublicRecord({ ...record, publication: { ...record.publication, publishedAt: null } }, item, dept, T),
    ).toBeNull();
    expect(
      presentPublicRecord({ ...record, publication: { ...record.publication, maxEnd: daysAgo(1) } }, item, dept, T),
    ).toBeNull();
    expect(
      presentPublicRecord({ ...record, publication: { ...record.publication, maxEnd: T } }, item, dept, T),
    ).not.toBeNull();
    // A payload that somehow holds a full ID number is masked again.
    const leaked = presentPublicRecord(
      { ...record, payload: { ...record.payload, CF_XDR_ZJHM: personId, CF_FR_ZJHM: repId } },
      item,
      dept,
      T,
    );
    expect(JSON.stringify(leaked)).not.toContain(personId);
    expect(JSON.stringify(leaked)).not.toContain(repId);
  });

  // Public reads keep the current catalog in memory between requests; a committed change must end that at once.
  it('a catalog change reaches every public page at once, and so does its reversal', async () => {
    const disclose = async (disclosure: 'government' | 'public') => {
      const current = await getCatalogItem(t.db.kysely, 'ADM_PENALTY');
      await updateCatalogItem(t.db, admin, 'ADM_PENALTY', {
        definition: { ...definitionOf(current), disclosure },
        changeNote: `publicity test: ${disclosure}`,
      });
    };
    const penalties = async () => (await list('?item=ADM_PENALTY')).page.items.map((r) => r.id);
    const entityPage = async () =>
      (await get(`/public/subjects/${ids.company}/records`)).json<{ penalties: SectionPage }>();
    expect(await penalties()).toContain(ids.visible);
    expect((await entityPage()).penalties.items.map((r) => r.id)).toContain(ids.visible);

    await disclose('government');
    expect(await penalties()).toEqual([]);
    expect((await get(`/public/records/${ids.visible}`)).statusCode).toBe(404);
    expect((await entityPage()).penalties).toMatchObject({ items: [], total: 0 });

    await disclose('public');
    expect(await penalties()).toContain(ids.visible);
    expect((await get(`/public/records/${ids.visible}`)).statusCode).toBe(200);
  });
});

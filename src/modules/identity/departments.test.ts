import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../../boot';
import { createTestApp, type TestApp } from '../../platform/testing';
import { HAIDIAN_DEPARTMENTS } from './departments.seed';
import { listDepartments, seedDepartments } from './departments.service';
import { identityDb } from './identity.tables';
import { signInAs, type SignedIn } from './test-support';

/**
 * An independent implementation of GB 32100-2015 / GB 11714-1997, written from
 * the standards' tables rather than shared with ./uscc, so a slip in either is caught.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (c: string) => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(c);

function referenceUsccValid(code: string): boolean {
  if (code.length !== 18) return false;
  const values = [...code].map((c) => ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return false;
  const sum = values.slice(0, 17).reduce((acc, v, i) => acc + v * USCC_W[i]!, 0);
  return values[17] === (31 - (sum % 31)) % 31;
}

function referenceOrgCodeValid(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  const sum = [...code.slice(0, 8)].reduce((acc, c, i) => acc + orgValue(c) * ORG_W[i]!, 0);
  const c9 = 11 - (sum % 11);
  return code.charAt(8) === (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
}

describe('seeded departments', () => {
  it('are the 18 district departments with the expected codes, names and kinds', () => {
    expect(Object.fromEntries(HAIDIAN_DEPARTMENTS.map((d) => [d.code, d.nameZh]))).toEqual({
      fgw: '北京市海淀区发展和改革委员会（区信用办）',
      scjgj: '北京市海淀区市场监督管理局',
      swj: '国家税务总局北京市海淀区税务局',
      sthjj: '北京市海淀区生态环境局',
      kxc: '中关村科学城管理委员会',
      zjw: '北京市海淀区住房和城乡建设委员会',
      yjglj: '北京市海淀区应急管理局',
      wsjkw: '北京市海淀区卫生健康委员会',
      rsj: '北京市海淀区人力资源和社会保障局',
      cgzfj: '北京市海淀区城市管理综合行政执法局',
      whlyj: '北京市海淀区文化和旅游局',
      jw: '北京市海淀区教育委员会',
      mzj: '北京市海淀区民政局',
      czj: '北京市海淀区财政局',
      jrb: '北京市海淀区金融服务办公室',
      gafj: '北京市公安局海淀分局',
      sfj: '北京市海淀区司法局',
      fy: '北京市海淀区人民法院',
    });
    expect(HAIDIAN_DEPARTMENTS.find((d) => d.code === 'fgw')?.kind).toBe('platform');
    expect(HAIDIAN_DEPARTMENTS.find((d) => d.code === 'fy')?.kind).toBe('court');
    expect(HAIDIAN_DEPARTMENTS.filter((d) => d.kind === 'government')).toHaveLength(16);
    expect(new Set(HAIDIAN_DEPARTMENTS.map((d) => d.uscc)).size).toBe(18);
    for (const d of HAIDIAN_DEPARTMENTS) {
      expect(d.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.nameEn.length).toBeGreaterThan(5);
    }
  });

  it.each(HAIDIAN_DEPARTMENTS.map((d) => [d.code, d.uscc]))(
    '%s has a valid USCC %s (机关, Haidian, embedded organisation code valid)',
    (_code, uscc) => {
      expect(uscc).toMatch(/^11110108/);
      expect(referenceUsccValid(uscc)).toBe(true);
      expect(referenceOrgCodeValid(uscc.slice(8, 17))).toBe(true);
    },
  );

  it('the reference implementation agrees with published codes and rejects a changed character', () => {
    expect(referenceUsccValid('91350100M000100Y43')).toBe(true);
    expect(referenceUsccValid('91110000600037341L')).toBe(true);
    expect(referenceOrgCodeValid('D2143569X')).toBe(true);
    expect(referenceUsccValid('91350100M000100Y44')).toBe(false);
    expect(referenceOrgCodeValid('D21435690')).toBe(false);
  });
});

describe('departments API and seed', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await signInAs(t.app, t, ['platform_admin'], 'fgw')).session;
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('GET /departments is public', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items).toHaveLength(18);
    expect(items.find((d: { code: string }) => d.code === 'fy')).toMatchObject({
      nameZh: '北京市海淀区人民法院',
      uscc: '11110108000016301N',
      kind: 'court',
    });
  });

  it('seeding again (a second boot) changes nothing', async () => {
    const before = await listDepartments(t.db.kysely, { includeInactive: true });
    const auditBefore = await t.db.kysely.selectFrom('audit_log').select('seq').execute();
    // The same database again: on PostgreSQL, the test's own schema.
    const schema =
      t.db.dialect === 'postgres'
        ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(t.db.kysely)).rows[0]!.s
        : undefined;
    const again = await boot({ config: t.config, logLevel: 'silent', ...(schema ? { schema } : {}) });
    try {
      expect(await listDepartments(again.db.kysely, { includeInactive: true })).toEqual(before);
      expect(await again.db.kysely.selectFrom('audit_log').select('seq').execute()).toHaveLength(auditBefore.length);
    } finally {
      await again.db.close();
    }
    const seedEntries = await t.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'department.seed')
      .execute();
    expect(seedEntries).toHaveLength(1);
  });

  it('creates a department with a valid USCC and refuses a bad one or a duplicate code', async () => {
    const body = {
      code: 'tyj',
      nameZh: '北京市海淀区体育局',
      nameEn: 'Haidian District Sports Bureau',
      uscc: '11110108000099999X',
      kind: 'government',
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      payload: body,
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('identity.invalid_uscc');
    // A check-valid code: compute the last character with the reference implementation.
    const bodyChars = '11110108MA0000001';
    const check = [...ALPHABET].find((c) => referenceUsccValid(bodyChars + c))!;
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      payload: { ...body, uscc: bodyChars + check },
      headers: admin.headers,
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ code: 'tyj', active: true });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      payload: { ...body, uscc: bodyChars + check },
      headers: admin.headers,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('identity.department_exists');
  });

  it('PATCH renames and deactivates; inactive ones are listed only for managers', async () => {
    // The list is kept between reads (public pages name departments on every record): read it first.
    expect((await listDepartments(t.db.kysely)).map((d) => d.code)).toContain('jrb');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/departments/jrb',
      payload: { nameEn: 'Haidian Financial Services Office', active: false },
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ nameEn: 'Haidian Financial Services Office', active: false });
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(pub.json().items.map((d: { code: string }) => d.code)).not.toContain('jrb');
    expect((await listDepartments(t.db.kysely)).map((d) => d.code)).not.toContain('jrb');
    expect((await listDepartments(t.db.kysely, { includeInactive: true })).find((d) => d.code === 'jrb')).toMatchObject(
      { nameEn: 'Haidian Financial Services Office', active: false },
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/departments?includeInactive=true' })).statusCode).toBe(
      401,
    );
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments?includeInactive=true',
      headers: { cookie: admin.cookie },
    });
    expect(all.json().items.map((d: { code: string }) => d.code)).toContain('jrb');
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'department.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail).changes.active).toEqual({ from: true, to: false });
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/departments/nope',
          payload: { active: true },
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps an administrator’s edit of a seeded department across boots', async () => {
    await identityDb(t.db.kysely)
      .updateTable('departments')
      .set({ name_en: 'Edited' })
      .where('code', '=', 'kxc')
      .execute();
    expect(await seedDepartments(t.db)).toEqual([]);
    const kxc = await identityDb(t.db.kysely)
      .selectFrom('departments')
      .select('name_en')
      .where('code', '=', 'kxc')
      .executeTakeFirstOrThrow();
    expect(kxc.name_en).toBe('Edited');
  });
});

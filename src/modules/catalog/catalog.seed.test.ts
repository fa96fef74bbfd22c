import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { systemCaller } from '../../platform/context';
import { listAudit } from '../../platform/audit';
import {
  CATALOG_CATEGORIES,
  getCatalogItem,
  listCatalogCategories,
  listCatalogItems,
  updateCatalogItem,
} from './index';
import { seedCatalog } from './catalog.seed';
import { seedDefinition } from './catalog.test-support';

/** DOMAIN.md §3, penalty: every code with its Chinese label, in the standard's order. */
const PENALTY_FIELDS: Array<[string, string]> = [
  ['CF_XDR_MC', '行政相对人名称'],
  ['CF_XDR_LB', '行政相对人类别'],
  ['CF_XDR_SHXYM', '统一社会信用代码'],
  ['CF_XDR_GSZC', '工商注册号'],
  ['CF_XDR_ZZJG', '组织机构代码'],
  ['CF_XDR_SWDJ', '税务登记号'],
  ['CF_XDR_SYDW', '事业单位证书号'],
  ['CF_XDR_SHZZ', '社会组织登记证号'],
  ['CF_FRDB', '法定代表人'],
  ['CF_FR_ZJLX', '法定代表人证件类型'],
  ['CF_FR_ZJHM', '法定代表人证件号码'],
  ['CF_XDR_ZJLX', '证件类型'],
  ['CF_XDR_ZJHM', '证件号码'],
  ['CF_WSH', '行政处罚决定书文号'],
  ['CF_WFXW', '违法行为类型'],
  ['CF_SY', '违法事实'],
  ['CF_YJ', '处罚依据'],
  ['CF_CFLB', '处罚类别'],
  ['CF_NR', '处罚内容'],
  ['CF_NR_FK', '罚款金额(万元)'],
  ['CF_NR_WFFF', '没收违法所得、没收非法财物的金额(万元)'],
  ['CF_NR_ZKDX', '暂扣或吊销证照名称及编号'],
  ['CF_JDRQ', '处罚决定日期'],
  ['CF_YXQ', '处罚有效期'],
  ['CF_GSJZQ', '公示截止期'],
  ['CF_CFJG', '处罚机关'],
  ['CF_CFJGDM', '处罚机关统一社会信用代码'],
  ['CF_SJLY', '数据来源单位'],
  ['CF_SJLYDM', '数据来源单位统一社会信用代码'],
  ['BZ', '备注'],
];

/** DOMAIN.md §3, licensing: the same subject fields with prefix XK_, then the licence fields. */
const LICENCE_FIELDS: Array<[string, string]> = [
  ...PENALTY_FIELDS.slice(0, 13).map(([code, label]): [string, string] => [code.replace(/^CF_/, 'XK_'), label]),
  ['XK_XKWS', '行政许可决定文书名称'],
  ['XK_WSH', '行政许可决定文书号'],
  ['XK_XKLB', '许可类别'],
  ['XK_XKZS', '许可证书名称'],
  ['XK_XKBH', '许可编号'],
  ['XK_NR', '许可内容'],
  ['XK_JDRQ', '许可决定日期'],
  ['XK_YXQZ', '有效期自'],
  ['XK_YXQZI', '有效期至'],
  ['XK_XKJG', '许可机关'],
  ['XK_XKJGDM', '许可机关统一社会信用代码'],
  ['XK_ZT', '当前状态'],
  ['XK_LYDW', '数据来源单位'],
  ['XK_LYDWDM', '数据来源单位统一社会信用代码'],
  ['BZ', '备注'],
];

const SEEDED_CODES = [
  'ADM_PENALTY',
  'ADM_LICENSE',
  'RED_LIST',
  'BLACK_LIST',
  'COMMITMENT',
  'INSPECTION_RESULT',
  'MKT_ABNORMAL_OPERATION',
  'TAX_CREDIT_GRADE',
  'ENV_VIOLATION',
  'STI_TECH_ENTERPRISE',
  'CONSTRUCTION_CREDIT',
  'WORK_SAFETY_ACCIDENT',
  'FOOD_DRUG_SAMPLING',
  'QUALITY_SPOT_CHECK',
  'IP_INFRINGEMENT',
  'INTERNET_FINANCE_RISK',
  'ECOMMERCE_VIOLATION',
];

const DEPARTMENTS = new Set(
  'fgw scjgj swj sthjj kxc zjw yjglj wsjkw rsj cgzfj whlyj jw mzj czj jrb gafj sfj fy'.split(' '),
);

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.cleanup();
});

describe('catalog seed', () => {
  it('runs on the configured database', () => {
    expect(deps.db.dialect).toBe(process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite');
  });

  it('loads the 13 national categories in order', async () => {
    const categories = await listCatalogCategories(deps.db.kysely);
    expect(categories).toHaveLength(13);
    expect(categories.map((c) => c.seq)).toEqual([...Array(13).keys()].map((i) => i + 1));
    expect(categories.map((c) => c.code)).toEqual(CATALOG_CATEGORIES.map((c) => c.code));
    expect(categories.at(-1)).toMatchObject({ code: 'other', nameZh: '其他信息' });
  });

  it('seeds every item at version 1, active, from departments of the district list', async () => {
    const items = await listCatalogItems(deps.db.kysely);
    expect(items.map((i) => i.code).sort()).toEqual([...SEEDED_CODES].sort());
    for (const item of items) {
      expect(item).toMatchObject({ version: 1, currentVersion: 1, status: 'active', changeKind: 'seed' });
      for (const department of item.providingDepartments) expect(DEPARTMENTS).toContain(department);
    }
  });

  it('holds exactly the penalty field standard of DOMAIN §3, in order', async () => {
    const item = await getCatalogItem(deps.db.kysely, 'ADM_PENALTY');
    expect(item.fields.map((f) => [f.code, f.labelZh])).toEqual(PENALTY_FIELDS);
    const byCode = new Map(item.fields.map((f) => [f.code, f]));
    const required = item.fields.filter((f) => f.required).map((f) => f.code);
    expect(required).toEqual([
      'CF_XDR_MC',
      'CF_XDR_LB',
      'CF_WSH',
      'CF_WFXW',
      'CF_SY',
      'CF_YJ',
      'CF_CFLB',
      'CF_NR',
      'CF_JDRQ',
      'CF_YXQ',
      'CF_CFJG',
      'CF_CFJGDM',
      'CF_SJLY',
      'CF_SJLYDM',
    ]);
    const conditional = item.fields.filter((f) => f.requiredWhen.length > 0).map((f) => f.code);
    expect(conditional).toEqual([
      'CF_XDR_SHXYM',
      'CF_FRDB',
      'CF_FR_ZJLX',
      'CF_FR_ZJHM',
      'CF_XDR_ZJLX',
      'CF_XDR_ZJHM',
      'CF_NR_FK',
      'CF_NR_WFFF',
      'CF_NR_ZKDX',
    ]);
    expect(byCode.get('CF_XDR_SHXYM')!.requiredWhen).toEqual([
      { field: 'CF_XDR_LB', in: ['法人及非法人组织', '个体工商户'] },
    ]);
    expect(byCode.get('CF_XDR_ZJHM')!.requiredWhen).toEqual([{ field: 'CF_XDR_LB', in: ['自然人'] }]);
    expect(byCode.get('CF_GSJZQ')).toMatchObject({ derived: true, required: false });
    expect(byCode.get('CF_JDRQ')).toMatchObject({ type: 'date', notInFuture: true });
    expect(byCode.get('CF_NR_FK')!.type).toBe('amount_wan');
    expect(byCode.get('CF_CFLB')!.dictionary!.map((v) => v.value)).toHaveLength(14);
    expect(byCode.get('CF_CFLB')!.separators).toEqual([';', '；', '、', ',', '，']);
    expect(item.identityKey).toEqual(['CF_WSH']);
    expect(item.disclosure).toBe('public');
    expect(item.publicationPeriod).toMatchObject({ kind: 'penalty_classified', startField: 'CF_JDRQ' });
    if (item.publicationPeriod.kind !== 'penalty_classified') throw new Error('unreachable');
    const current = item.publicationPeriod.regimes.at(-1)!;
    expect(current).toMatchObject({
      effectiveFrom: '2026-04-01',
      minor: { minMonths: 0, maxMonths: 3, publishedByDefault: false },
      general: { minMonths: 3, maxMonths: 12 },
      serious: { minMonths: 12, maxMonths: 36 },
    });
    expect(item.publicationPeriod.regimes[0]).toMatchObject({
      effectiveFrom: null,
      general: { minMonths: 3, maxMonths: 36 },
    });
  });

  it('holds exactly the licensing field standard of DOMAIN §3, in order', async () => {
    const item = await getCatalogItem(deps.db.kysely, 'ADM_LICENSE');
    expect(item.fields.map((f) => [f.code, f.labelZh])).toEqual(LICENCE_FIELDS);
    const required = item.fields.filter((f) => f.required).map((f) => f.code);
    expect(required).toEqual([
      'XK_XDR_MC',
      'XK_XDR_LB',
      'XK_XKWS',
      'XK_WSH',
      'XK_XKLB',
      'XK_NR',
      'XK_JDRQ',
      'XK_YXQZ',
      'XK_YXQZI',
      'XK_XKJG',
      'XK_XKJGDM',
      'XK_LYDW',
      'XK_LYDWDM',
    ]);
    const byCode = new Map(item.fields.map((f) => [f.code, f]));
    expect(byCode.get('XK_XKLB')!.dictionary!.map((v) => v.value)).toEqual([
      '普通',
      '特许',
      '认可',
      '核准',
      '登记',
      '其他',
    ]);
    expect(byCode.get('XK_ZT')!.dictionary!.map((v) => [v.value, v.labelZh])).toEqual([
      ['0', '正常'],
      ['1', '撤销'],
      ['2', '异议'],
      ['3', '其他'],
    ]);
    const idTypes = byCode.get('XK_XDR_ZJLX')!.dictionary!;
    expect(idTypes.map((v) => v.value)).toEqual([
      '身份证',
      '护照号',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
      '外国人永久居留身份证',
    ]);
    expect(idTypes[0]!.synonyms).toContain('居民身份证');
    expect(item.identityKey).toEqual(['XK_WSH']);
    expect(item.publicationPeriod).toEqual({
      kind: 'validity',
      startField: 'XK_YXQZ',
      endField: 'XK_YXQZI',
      openEndDate: '9999-12-31',
    });
  });

  it('gives every item a sharing entry: share by default, conditions for authorised and government items', async () => {
    const items = await listCatalogItems(deps.db.kysely);
    for (const code of ['ADM_PENALTY', 'ADM_LICENSE', 'RED_LIST', 'BLACK_LIST']) {
      expect(items.find((i) => i.code === code)!.sharing).toEqual({
        type: 'unconditional',
        condition: null,
        allDepartments: true,
        departments: [],
        roles: [],
        methods: ['online_query', 'bulk'],
      });
    }
    const tax = items.find((i) => i.code === 'TAX_CREDIT_GRADE')!;
    expect(tax.disclosure).toBe('authorised');
    expect(tax.publicWhen).toEqual([{ field: 'NS_XYJB', in: ['A'] }]);
    expect(tax.sharing.type).toBe('conditional');
    expect(tax.sharing.condition!.zh).toContain('用途');
    const finance = items.find((i) => i.code === 'INTERNET_FINANCE_RISK')!;
    expect(finance).toMatchObject({ disclosure: 'government', publicationPeriod: { kind: 'none' } });
    expect(finance.sharing).toMatchObject({
      type: 'conditional',
      allDepartments: false,
      departments: ['jrb', 'gafj', 'scjgj', 'fgw'],
    });
    for (const item of items) expect(item.sharing.methods.length).toBeGreaterThan(0);
  });

  it('list entries carry the DOMAIN §5 fields', async () => {
    const black = await getCatalogItem(deps.db.kysely, 'BLACK_LIST');
    const labels = black.fields.map((f) => f.labelZh);
    for (const label of [
      '名单类型',
      '主体名称',
      '统一社会信用代码',
      '证件号码',
      '列入原因',
      '认定文号',
      '认定部门',
      '认定日期',
      '有效期自',
      '有效期至',
      '状态',
    ]) {
      expect(labels).toContain(label);
    }
  });

  it('is idempotent and never overwrites an edited item', async () => {
    const caller = systemCaller('test');
    const edited = seedDefinition('COMMITMENT');
    edited.nameEn = 'Credit commitment (edited)';
    await updateCatalogItem(deps.db, caller, 'COMMITMENT', { definition: edited, changeNote: 'local wording' });
    expect(await seedCatalog(deps.db)).toEqual([]);
    const item = await getCatalogItem(deps.db.kysely, 'COMMITMENT');
    expect(item).toMatchObject({ version: 2, nameEn: 'Credit commitment (edited)' });
    const seeds = await listAudit(deps.db.kysely, { action: 'catalog.item.seed', limit: 100 });
    expect(seeds).toHaveLength(SEEDED_CODES.length);
  });
});

import { describe, it, expect } from 'vitest';
import {
  HAIDIAN_DISTRICT,
  HAIDIAN_REGIONS,
  INDUSTRY_SECTIONS,
  SUBJECT_KINDS,
  industryByCode,
  industryBySection,
  regionByCode,
  regionByName,
  subjectKindByCode,
  subjectKindByName,
} from './index';
import type { Region } from './index';

describe('Haidian regions', () => {
  it('lists 29 streets and towns with unique, stable 9-digit codes under 110108', () => {
    expect(HAIDIAN_REGIONS).toHaveLength(29);
    expect(new Set(HAIDIAN_REGIONS.map((r) => r.code)).size).toBe(29);
    expect(new Set(HAIDIAN_REGIONS.map((r) => r.name_zh)).size).toBe(29);
    expect(new Set(HAIDIAN_REGIONS.map((r) => r.name_en)).size).toBe(29);
    for (const r of HAIDIAN_REGIONS) {
      expect(r.code).toMatch(new RegExp(`^${HAIDIAN_DISTRICT.code}[0-9]{3}$`));
      expect(r.name_en).toMatch(/^[A-Z][a-z]+$/);
    }
    expect(HAIDIAN_REGIONS.filter((r) => r.kind === 'street')).toHaveLength(22);
    expect(HAIDIAN_REGIONS.filter((r) => r.kind === 'town')).toHaveLength(7);
  });

  it('contains every name DOMAIN §11 mentions', () => {
    const names = [
      '中关村',
      '学院路',
      '海淀',
      '燕园',
      '清华园',
      '上地',
      '清河',
      '西三旗',
      '马连洼',
      '万寿路',
      '羊坊店',
      '甘家口',
      '八里庄',
      '紫竹院',
      '北下关',
      '北太平庄',
      '花园路',
      '田村路',
      '永定路',
      '青龙桥',
      '香山',
      '曙光',
      '万柳',
      '四季青',
      '西北旺',
      '苏家坨',
      '上庄',
      '温泉',
      '东升',
    ];
    expect(new Set(names).size).toBe(29);
    for (const name of names) expect(regionByName(name), name).toBeDefined();
    expect(new Set(names.map((n) => regionByName(n)?.code)).size).toBe(29);
  });

  it('no alias collides with another region', () => {
    const all = HAIDIAN_REGIONS.flatMap((r) => [r.name_zh, ...r.aliases_zh]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds regions by code, including the 12-digit statistical form', () => {
    expect(regionByCode('110108011')?.name_zh).toBe('中关村街道');
    expect(regionByCode('110108011000')?.name_zh).toBe('中关村街道');
    expect(regionByCode('110108009')).toBeUndefined();
  });

  it('finds regions by name, alias, suffix-less name or pinyin', () => {
    expect(regionByName('中关村街道')?.code).toBe('110108011');
    expect(regionByName('中关村街道办事处')?.code).toBe('110108011');
    expect(regionByName('温泉镇')?.code).toBe('110108026');
    expect(regionByName('海淀乡')?.code).toBe('110108023');
    expect(regionByName('海淀')?.code).toBe('110108012');
    expect(regionByName('Zhongguancun')?.code).toBe('110108011');
    expect(regionByName(' beitaipingzhuang ')?.code).toBe('110108008');
    expect(regionByName('朝阳门')).toBeUndefined();
    expect(regionByName('')).toBeUndefined();
  });

  it('takes another district as plain data', () => {
    const other: readonly Region[] = [
      { code: '110105001', name_zh: '建外街道', name_en: 'Jianwai', kind: 'street', aliases_zh: [] },
    ];
    expect(regionByCode('110105001', other)?.name_en).toBe('Jianwai');
    expect(regionByName('建外', other)?.code).toBe('110105001');
    expect(regionByName('中关村', other)).toBeUndefined();
  });
});

describe('GB/T 4754-2017 industry sections', () => {
  it('lists sections A–T in order with names in both languages', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.section).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    for (const s of INDUSTRY_SECTIONS) {
      expect(s.name_zh).not.toBe('');
      expect(s.name_en).not.toBe('');
    }
  });

  it('covers the 97 divisions 01–97 contiguously', () => {
    let expected = 1;
    for (const { divisions } of INDUSTRY_SECTIONS) {
      expect(Number(divisions[0])).toBe(expected);
      expected = Number(divisions[1]) + 1;
    }
    expect(expected - 1).toBe(97);
  });

  it('looks up by section letter and by industry code', () => {
    expect(industryBySection('i')?.name_zh).toBe('信息传输、软件和信息技术服务业');
    expect(industryBySection('U')).toBeUndefined();
    expect(industryByCode('6510')?.section).toBe('I');
    expect(industryByCode('I6510')?.section).toBe('I');
    expect(industryByCode('13')?.section).toBe('C');
    expect(industryByCode('97')?.section).toBe('T');
    expect(industryByCode('A6510')).toBeUndefined();
    expect(industryByCode('98')).toBeUndefined();
    expect(industryByCode('x')).toBeUndefined();
  });
});

describe('subject kinds', () => {
  it('has the four kinds with labels and accepts 其他组织 as a synonym', () => {
    expect(SUBJECT_KINDS.map((k) => k.code)).toEqual([
      'legal_person',
      'other_org',
      'individual_business',
      'natural_person',
    ]);
    expect(subjectKindByCode('natural_person')?.name_zh).toBe('自然人');
    expect(subjectKindByName('其他组织')?.code).toBe('other_org');
    expect(subjectKindByName('非法人组织')?.code).toBe('other_org');
    expect(subjectKindByName('个体工商户')?.name_en).toBe('Individual business');
    expect(subjectKindByName('公司')).toBeUndefined();
  });
});

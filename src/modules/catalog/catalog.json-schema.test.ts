import { describe, expect, it } from 'vitest';
// ajv is a dependency of fastify, not (yet) of this package: the lead is asked to add it as a devDependency.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { definitionSchema } from './catalog.definition';
import { jsonSchemaFor, JSON_SCHEMA_DIALECT, type JsonSchema } from './catalog.json-schema';
import { ADM_LICENSE, ADM_PENALTY } from './seed/double-publicity';
import { TAX_CREDIT_GRADE } from './seed/domains-sectors';

const ANNOTATIONS = [
  'x-synonyms',
  'x-value-labels',
  'x-separators',
  'x-field-type',
  'x-label-en',
  'x-derived',
  'x-not-in-future',
  'x-unit',
  'x-stored-as',
  'x-check',
  'x-field-labels',
  'x-field-labels-en',
  'x-catalog',
];

/**
 * A strict draft 2020-12 validator: it also refuses a schema with unknown keywords or bad
 * structure (`required` inside `then` naming a property defined at the top is ajv lint, not an error).
 */
function compile(schema: JsonSchema) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  return ajv.compile(schema);
}

const penaltySchema = jsonSchemaFor(definitionSchema.parse(ADM_PENALTY.definition), { version: 1 });
const licenceSchema = jsonSchemaFor(definitionSchema.parse(ADM_LICENSE.definition), { version: 3 });
const validatePenalty = compile(penaltySchema);
const validateLicence = compile(licenceSchema);

const goodPenalty = {
  CF_XDR_MC: '北京某某科技有限公司',
  CF_XDR_LB: '法人及非法人组织',
  CF_XDR_SHXYM: '91110000600037341L',
  CF_FRDB: '张三',
  CF_WSH: '京海市监罚〔2026〕101号',
  CF_WFXW: '虚假宣传',
  CF_SY: '在其网站发布虚假的产品性能宣传',
  CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
  CF_CFLB: ['警告', '罚款'],
  CF_NR: '警告，并处罚款5万元',
  CF_NR_FK: '5',
  CF_JDRQ: '2026-04-10',
  CF_YXQ: '2027-04-10',
  CF_CFJG: '北京市海淀区市场监督管理局',
  CF_CFJGDM: '91350100M000100Y43',
  CF_SJLY: '北京市海淀区市场监督管理局',
  CF_SJLYDM: '91350100M000100Y43',
};

const personPenalty = {
  ...goodPenalty,
  CF_XDR_MC: '李四',
  CF_XDR_LB: '自然人',
  CF_XDR_ZJLX: '居民身份证',
  CF_XDR_ZJHM: '11010519491231002X',
  CF_XDR_SHXYM: undefined,
  CF_FRDB: undefined,
};

const without = (record: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([k, v]) => !keys.includes(k) && v !== undefined));
const clean = (record: Record<string, unknown>) => without(record);

describe('jsonSchemaFor', () => {
  it('is a draft 2020-12 object schema with labels, required fields and the item identity', () => {
    expect(penaltySchema).toMatchObject({
      $schema: JSON_SCHEMA_DIALECT,
      $id: 'urn:xinyong:catalog:ADM_PENALTY:v1',
      type: 'object',
      additionalProperties: false,
      'x-catalog': { item: 'ADM_PENALTY', version: 1, identityKey: ['CF_WSH'], disclosure: 'public' },
    });
    expect((penaltySchema['x-field-labels'] as Record<string, string>).CF_WSH).toBe('行政处罚决定书文号');
    expect(penaltySchema.required).toContain('CF_WSH');
    expect(penaltySchema.required).not.toContain('CF_GSJZQ');
    const properties = penaltySchema.properties as Record<string, JsonSchema>;
    expect(properties.CF_XDR_MC).toMatchObject({ type: 'string', maxLength: 200, title: '行政相对人名称' });
    expect(properties.CF_JDRQ).toMatchObject({ format: 'date', 'x-not-in-future': true });
    expect(properties.CF_GSJZQ).toMatchObject({ readOnly: true, 'x-derived': true });
    expect(properties.CF_CFLB).toMatchObject({ type: 'array', minItems: 1, items: { type: 'string' } });
    expect(properties.CF_XDR_ZJLX).toMatchObject({ 'x-synonyms': { 居民身份证: '身份证' } });
    expect((properties.CF_XDR_ZJLX!.enum as string[]).slice(0, 1)).toEqual(['身份证']);
    expect(properties.CF_XDR_ZJLX!.enum).toContain('居民身份证');
  });

  it('expresses requiredWhen and blankWhen as if/then', () => {
    const rules = penaltySchema.allOf as JsonSchema[];
    expect(rules).toContainEqual(
      expect.objectContaining({
        if: {
          required: ['CF_XDR_LB'],
          properties: { CF_XDR_LB: { enum: ['法人及非法人组织', '个体工商户', '法人及其他组织'] } },
        },
        then: { required: ['CF_XDR_SHXYM'] },
      }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        if: { required: ['CF_CFLB'], properties: { CF_CFLB: { contains: { enum: ['罚款'] } } } },
        then: { required: ['CF_NR_FK'] },
      }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        if: { required: ['CF_XDR_LB'], properties: { CF_XDR_LB: { enum: ['自然人'] } } },
        then: { not: { required: ['CF_XDR_SHXYM'] } },
      }),
    );
  });

  it('accepts a good penalty record of an organisation and of a natural person', () => {
    expect(validatePenalty(goodPenalty), JSON.stringify(validatePenalty.errors)).toBe(true);
    expect(validatePenalty(clean(personPenalty)), JSON.stringify(validatePenalty.errors)).toBe(true);
  });

  it.each([
    ['a USCC missing for an organisation', without(goodPenalty, 'CF_XDR_SHXYM')],
    ['a fine without its amount', without(goodPenalty, 'CF_NR_FK')],
    ['an amount with 7 decimals', { ...goodPenalty, CF_NR_FK: '1.1234567' }],
    ['an unknown penalty kind', { ...goodPenalty, CF_CFLB: ['罚金'] }],
    ['no penalty kind', { ...goodPenalty, CF_CFLB: [] }],
    ['a date in another format', { ...goodPenalty, CF_JDRQ: '2026/04/10' }],
    ['a malformed USCC', { ...goodPenalty, CF_XDR_SHXYM: '9111000060003734' }],
    ['an unknown field', { ...goodPenalty, CF_FOO: 'x' }],
    ['a missing decision number', without(goodPenalty, 'CF_WSH')],
    ['a name too long', { ...goodPenalty, CF_XDR_MC: '名'.repeat(201) }],
    ['a natural person without an ID', clean({ ...personPenalty, CF_XDR_ZJHM: undefined })],
    ['a natural person with a USCC', clean({ ...personPenalty, CF_XDR_SHXYM: '91110000600037341L' })],
    ['an ID number without its type', { ...goodPenalty, CF_FR_ZJHM: '11010519491231002X' }],
  ])('rejects %s', (_why, record) => {
    expect(validatePenalty(record)).toBe(false);
  });

  it('validates licences: status codes and their Chinese synonyms, open-ended validity', () => {
    const licence = {
      XK_XDR_MC: '北京某某餐饮有限公司',
      XK_XDR_LB: '法人及非法人组织',
      XK_XDR_SHXYM: '91110000600037341L',
      XK_FRDB: '王五',
      XK_XKWS: '食品经营许可决定书',
      XK_WSH: '京海食许〔2026〕88号',
      XK_XKLB: '普通',
      XK_NR: '食品经营：热食类食品制售',
      XK_JDRQ: '2026-03-01',
      XK_YXQZ: '2026-03-01',
      XK_YXQZI: '9999-12-31',
      XK_XKJG: '北京市海淀区市场监督管理局',
      XK_XKJGDM: '91350100M000100Y43',
      XK_ZT: '0',
      XK_LYDW: '北京市海淀区市场监督管理局',
      XK_LYDWDM: '91350100M000100Y43',
    };
    expect(validateLicence(licence), JSON.stringify(validateLicence.errors)).toBe(true);
    expect(validateLicence({ ...licence, XK_ZT: '正常' })).toBe(true);
    expect(validateLicence({ ...licence, XK_ZT: '5' })).toBe(false);
    expect(validateLicence({ ...licence, XK_XKLB: '一般' })).toBe(false);
    expect(licenceSchema.$id).toBe('urn:xinyong:catalog:ADM_LICENSE:v3');
    expect((licenceSchema.properties as Record<string, JsonSchema>).XK_ZT).toMatchObject({
      'x-value-labels': { '0': '正常', '1': '撤销', '2': '异议', '3': '其他' },
    });
  });

  it('handles integer fields and item-level x- annotations of other items', () => {
    const schema = jsonSchemaFor(definitionSchema.parse(TAX_CREDIT_GRADE.definition));
    expect(schema.$id).toBe('urn:xinyong:catalog:TAX_CREDIT_GRADE');
    const validate = compile(schema);
    const record = {
      NS_QYMC: '北京某某科技有限公司',
      NS_TYSHXYDM: '91110000600037341L',
      NS_PJND: 2025,
      NS_XYJB: 'A',
      NS_PJRQ: '2026-04-20',
      NS_PJJG: '国家税务总局北京市海淀区税务局',
    };
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...record, NS_PJND: '2025' })).toBe(false);
    expect(validate({ ...record, NS_XYJB: 'E' })).toBe(false);
  });
});

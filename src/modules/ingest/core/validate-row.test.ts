import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemaFor, type CatalogItemDefinition } from '../../catalog';
import { fenToWan } from './amount';
import { CTX, VALID, errorsOf, licenseRow, only, payloadOf, penaltyRow, seedDefinition } from './test-support';
import { validateRow } from './validate-row';

let penalty: CatalogItemDefinition;
let licence: CatalogItemDefinition;
beforeAll(async () => {
  penalty = await seedDefinition('ADM_PENALTY');
  licence = await seedDefinition('ADM_LICENSE');
});

describe('validateRow: the seeded items', () => {
  it('accepts a complete penalty and normalises it', () => {
    expect(payloadOf(penalty, penaltyRow())).toMatchObject({
      CF_XDR_LB: '法人及非法人组织',
      CF_CFLB: ['警告', '罚款'],
      CF_NR_FK: 500_000,
      CF_JDRQ: '2024-03-05',
    });
    expect(payloadOf(licence, licenseRow())).toMatchObject({ XK_XKLB: '普通', XK_YXQZI: '2029-03-04' });
  });

  it('leaves blank cells, derived fields and unknown keys out of the payload', () => {
    const payload = payloadOf(penalty, penaltyRow({ BZ: '  ', CF_GSJZQ: '2030-01-01', NOT_A_FIELD: 'x' }));
    expect(payload).not.toHaveProperty('BZ');
    expect(payload).not.toHaveProperty('CF_GSJZQ');
    expect(payload).not.toHaveProperty('NOT_A_FIELD');
  });

  it('reports several errors of one row together, in Chinese and English, never throwing', () => {
    const errors = errorsOf(penalty, penaltyRow({ CF_WSH: '', CF_JDRQ: '2024-02-30', CF_NR_FK: '-1' }));
    expect(errors.map((e) => [e.field, e.label, e.code])).toEqual([
      ['CF_WSH', '行政处罚决定书文号', 'required'],
      ['CF_NR_FK', '罚款金额(万元)', 'amount_negative'],
      ['CF_JDRQ', '处罚决定日期', 'date_nonexistent'],
    ]);
    for (const error of errors) {
      expect(error.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.reason.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff（）“”]+$/);
    }
  });

  it('never throws, whatever the cells hold (property)', () => {
    const codes = penalty.fields.map((f) => f.code);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...codes),
          fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant('9999')),
        ),
        (cells) => {
          const result = validateRow(penalty, cells, CTX);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives payloads the catalog JSON Schema accepts once amounts are written back in 万元', async () => {
    for (const [definition, row] of [
      [penalty, penaltyRow()],
      [
        penalty,
        penaltyRow({
          CF_XDR_LB: '自然人',
          CF_XDR_SHXYM: '',
          CF_FRDB: '',
          CF_XDR_ZJLX: '身份证',
          CF_XDR_ZJHM: VALID.citizenId,
        }),
      ],
      [licence, licenseRow({ XK_ZT: '正常', BZ: '备注' })],
    ] as const) {
      const payload = payloadOf(definition, row);
      // Amounts are stored as integer fen; the catalog schema describes the submitted 万元 string.
      const asSubmitted = Object.fromEntries(
        Object.entries(payload).map(([code, value]) => {
          const field = definition.fields.find((f) => f.code === code);
          return [code, field?.type === 'amount_wan' ? fenToWan(value as number) : value];
        }),
      );
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(jsonSchemaFor(definition));
      expect(validate(asSubmitted), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('validateRow: counterpart rules (natural person vs organisation)', () => {
  const natural = (prefix: 'CF' | 'XK') => ({
    [`${prefix}_XDR_LB`]: '自然人',
    [`${prefix}_XDR_SHXYM`]: '',
    [`${prefix}_FRDB`]: '',
    [`${prefix}_XDR_ZJLX`]: '身份证',
    [`${prefix}_XDR_ZJHM`]: VALID.citizenId,
  });
  const rows = { CF: penaltyRow, XK: licenseRow } as const;

  it.each(['CF', 'XK'] as const)('%s: a natural person needs an ID type and number', (prefix) => {
    const definition = prefix === 'CF' ? penalty : licence;
    expect(payloadOf(definition, rows[prefix](natural(prefix)))).toMatchObject({
      [`${prefix}_XDR_ZJHM`]: VALID.citizenId,
    });
    const errors = errorsOf(
      definition,
      rows[prefix]({ ...natural(prefix), [`${prefix}_XDR_ZJLX`]: '', [`${prefix}_XDR_ZJHM`]: '' }),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      [`${prefix}_XDR_ZJLX`, 'required'],
      [`${prefix}_XDR_ZJHM`, 'required'],
    ]);
    expect(errors[0]?.reason.zh).toBe('当行政相对人类别为“自然人”时必填');
  });

  it.each(['CF', 'XK'] as const)('%s: a natural person has no organisation codes', (prefix) => {
    const definition = prefix === 'CF' ? penalty : licence;
    const errors = errorsOf(
      definition,
      rows[prefix]({
        ...natural(prefix),
        [`${prefix}_XDR_SHXYM`]: VALID.companyUscc,
        [`${prefix}_XDR_ZZJG`]: VALID.orgCode,
        [`${prefix}_XDR_GSZC`]: VALID.registrationNumber,
      }),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      [`${prefix}_XDR_SHXYM`, 'must_be_blank'],
      [`${prefix}_XDR_GSZC`, 'must_be_blank'],
      [`${prefix}_XDR_ZZJG`, 'must_be_blank'],
    ]);
    expect(errors[0]?.reason.en).toBe('must be blank when 行政相对人类别 (' + prefix + '_XDR_LB) is 自然人');
  });

  it.each([
    ['CF', '法人及非法人组织'],
    ['CF', '个体工商户'],
    ['XK', '法人及非法人组织'],
    ['XK', '个体工商户'],
    // A synonym of the value triggers the rule as the value does.
    ['CF', '法人及其他组织'],
  ] as const)('%s: %s needs a USCC', (prefix, kind) => {
    const definition = prefix === 'CF' ? penalty : licence;
    const error = errorsOf(definition, rows[prefix]({ [`${prefix}_XDR_LB`]: kind, [`${prefix}_XDR_SHXYM`]: '' }));
    expect(error.map((e) => [e.field, e.code])).toContainEqual([`${prefix}_XDR_SHXYM`, 'required']);
    expect(
      payloadOf(definition, rows[prefix]({ [`${prefix}_XDR_LB`]: kind, [`${prefix}_FRDB`]: '王五' })),
    ).toHaveProperty(`${prefix}_XDR_SHXYM`, VALID.companyUscc);
  });

  it('requires the legal representative of an organisation, not of an individual business', () => {
    expect(only(errorsOf(penalty, penaltyRow({ CF_FRDB: '' })))).toMatchObject({ field: 'CF_FRDB', code: 'required' });
    expect(payloadOf(penalty, penaltyRow({ CF_XDR_LB: '个体工商户', CF_FRDB: '' }))).not.toHaveProperty('CF_FRDB');
  });

  it('ties the legal representative ID type and number together (requiredWhen present)', () => {
    expect(only(errorsOf(penalty, penaltyRow({ CF_FR_ZJHM: VALID.citizenId })))).toMatchObject({
      field: 'CF_FR_ZJLX',
      code: 'required',
      reason: { zh: '当法定代表人证件号码已填写时必填' },
    });
    expect(only(errorsOf(penalty, penaltyRow({ CF_FR_ZJLX: '身份证' })))).toMatchObject({ field: 'CF_FR_ZJHM' });
    expect(payloadOf(penalty, penaltyRow({ CF_FR_ZJLX: '身份证', CF_FR_ZJHM: VALID.citizenId }))).toHaveProperty(
      'CF_FR_ZJHM',
    );
  });
});

describe('validateRow: required, lengths and text hygiene', () => {
  it('requires required fields; a cell of spaces is blank', () => {
    expect(only(errorsOf(penalty, penaltyRow({ CF_WSH: ' \u3000 ' })))).toMatchObject({
      field: 'CF_WSH',
      code: 'required',
      reason: { zh: '必填', en: 'required' },
    });
    expect(payloadOf(penalty, penaltyRow({ CF_WSH: 'x' }))).toHaveProperty('CF_WSH', 'x');
  });

  it('counts maxLength in characters, not bytes (a rare character outside the BMP is one)', () => {
    expect(payloadOf(penalty, penaltyRow({ CF_XDR_MC: '汉'.repeat(199) + '𠀀' }))).toHaveProperty('CF_XDR_MC');
    const error = only(errorsOf(penalty, penaltyRow({ CF_XDR_MC: '汉'.repeat(201) })));
    expect(error).toMatchObject({ field: 'CF_XDR_MC', code: 'too_long' });
    expect(error.reason.zh).toBe('超过 200 个字符（实际 201 个）');
  });

  it('trims, folds NBSP and U+3000, collapses space runs; keeps line breaks only in long text', () => {
    const payload = payloadOf(
      penalty,
      penaltyRow({
        CF_XDR_MC: '\u00A0北京　某某\t\t科技  有限公司 ',
        CF_WFXW: '未按规定\r\n公示',
        CF_SY: '  第一行  \r\n第二行\u3000\u3000结束 ',
        CF_WSH: '京海市监罚〔２０２４〕１２３号',
      }),
    );
    expect(payload).toMatchObject({
      CF_XDR_MC: '北京 某某 科技 有限公司',
      CF_WFXW: '未按规定 公示',
      CF_SY: '第一行\n第二行 结束',
      // Full-width digits are folded, Chinese punctuation is kept.
      CF_WSH: '京海市监罚〔2024〕123号',
    });
  });

  it('keeps hostile-looking text exactly: it is just text', () => {
    const script = '<script>alert("x")</script>';
    const sql = "'; DROP TABLE records; --";
    expect(payloadOf(penalty, penaltyRow({ CF_XDR_MC: script, CF_SY: sql, BZ: '=HYPERLINK("x")' }))).toMatchObject({
      CF_XDR_MC: script,
      CF_SY: sql,
      BZ: '=HYPERLINK("x")',
    });
  });
});

describe('validateRow: dictionaries', () => {
  it('normalises synonyms to the canonical value', () => {
    const payload = payloadOf(
      penalty,
      penaltyRow({ CF_XDR_LB: '法人及其他组织', CF_FR_ZJLX: '居民 身份证', CF_FR_ZJHM: VALID.citizenId }),
    );
    expect(payload).toMatchObject({ CF_XDR_LB: '法人及非法人组织', CF_FR_ZJLX: '身份证' });
    expect(payloadOf(licence, licenseRow({ XK_ZT: '正常' }))).toHaveProperty('XK_ZT', '0');
    expect(payloadOf(licence, licenseRow({ XK_XKLB: '  核准 ' }))).toHaveProperty('XK_XKLB', '核准');
  });

  it('refuses a word outside the dictionary, listing the allowed values', () => {
    const error = only(errorsOf(penalty, penaltyRow({ CF_XDR_LB: '公司' })));
    expect(error).toMatchObject({ field: 'CF_XDR_LB', code: 'not_in_dictionary', value: '公司' });
    expect(error.reason.zh).toBe('“公司”不是可选值；可选：法人及非法人组织、自然人、个体工商户');
  });

  it('splits multi-valued cells on ; ； 、 , ，, canonical and deduplicated', () => {
    const payload = payloadOf(penalty, penaltyRow({ CF_CFLB: '警告；罚款、通报批评,警告，其他 ;', CF_NR_FK: '1' }));
    expect(payload).toHaveProperty('CF_CFLB', ['警告', '罚款', '通报批评', '其他']);
  });

  it('names every unknown value of a multi-valued cell', () => {
    const error = only(errorsOf(penalty, penaltyRow({ CF_CFLB: '警告;罚金;拘役' })));
    expect(error).toMatchObject({ field: 'CF_CFLB', code: 'not_in_dictionary' });
    expect(error.reason.zh).toContain('“罚金、拘役”不是可选值');
  });

  it('makes amounts required by the penalty kinds chosen (any of a multi-valued cell)', () => {
    const errors = errorsOf(penalty, penaltyRow({ CF_CFLB: '警告;没收违法所得;吊销许可证件', CF_NR_FK: '' }));
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['CF_NR_WFFF', 'required'],
      ['CF_NR_ZKDX', 'required'],
    ]);
    expect(errors[0]?.reason.zh).toBe('当处罚类别为“没收违法所得”或“没收非法财物”时必填');
    expect(
      payloadOf(
        penalty,
        penaltyRow({
          CF_CFLB: '没收违法所得;吊销许可证件',
          CF_NR_FK: '',
          CF_NR_WFFF: '3',
          CF_NR_ZKDX: '食品经营许可证 JY111',
        }),
      ),
    ).toMatchObject({ CF_NR_WFFF: 3_000_000 });
  });
});

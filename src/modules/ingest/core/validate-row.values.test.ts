import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItemDefinition } from '../../catalog';
import { checkIdentifier } from '../../subjects';
import {
  CTX,
  VALID,
  citizenId,
  errorsOf,
  licenseRow,
  only,
  payloadOf,
  penaltyRow,
  seedDefinition,
  uscc,
} from './test-support';

let penalty: CatalogItemDefinition;
let licence: CatalogItemDefinition;
beforeAll(async () => {
  penalty = await seedDefinition('ADM_PENALTY');
  licence = await seedDefinition('ADM_LICENSE');
});

/** A definition with one field of each generic type, for the type rules the seed does not exercise. */
function typesDefinition(): CatalogItemDefinition {
  const base = {
    maxLength: null,
    required: false,
    requiredWhen: [],
    blankWhen: [],
    dictionary: null,
    separators: null,
    notInFuture: false,
    derived: false,
    description: null,
  };
  return {
    code: 'TEST_TYPES',
    nameZh: '类型测试',
    nameEn: 'Type test',
    category: 'other',
    conduct: { zh: '测试', en: 'test' },
    legalBasis: ['测试'],
    providingDepartments: ['fgw'],
    subjectKinds: ['legal_person'],
    fields: [
      { ...base, code: 'T_INT', labelZh: '整数', labelEn: 'Integer', type: 'integer' },
      { ...base, code: 'T_DEC', labelZh: '小数', labelEn: 'Decimal', type: 'decimal' },
      { ...base, code: 'T_BOOL', labelZh: '布尔', labelEn: 'Boolean', type: 'boolean' },
      { ...base, code: 'T_TEXT', labelZh: '长文本', labelEn: 'Text', type: 'text', maxLength: 10 },
    ],
    collectionMethods: ['file'],
    updateFrequency: 'daily',
    disclosure: 'public',
    publicWhen: [],
    publicationPeriod: { kind: 'none' },
    retentionYears: 5,
    identityKey: ['T_INT'],
  };
}

describe('validateRow: identifiers', () => {
  it('refuses a USCC with a bad check character, with the exact reason of checkIdentifier', () => {
    const bad = '91110000600037341M';
    const error = only(errorsOf(penalty, penaltyRow({ CF_XDR_SHXYM: bad })));
    const expected = checkIdentifier(bad, { kind: 'uscc' }).reason!;
    expect(error).toMatchObject({ field: 'CF_XDR_SHXYM', code: 'identifier.check_mismatch', value: bad });
    expect(error.reason).toEqual({ zh: expected.zh, en: expected.en });
  });

  it('normalises a USCC typed in lower case, full width or with spaces', () => {
    expect(payloadOf(penalty, penaltyRow({ CF_XDR_SHXYM: ' ９１１１0000 6000 37341l ' }))).toHaveProperty(
      'CF_XDR_SHXYM',
      VALID.companyUscc,
    );
  });

  it('accepts a pilot USCC only when it is on the allow list', () => {
    const pilot = '91350203M0001QAY9B';
    expect(only(errorsOf(penalty, penaltyRow({ CF_XDR_SHXYM: pilot }))).code).toBe('identifier.check_mismatch');
    expect(payloadOf(penalty, penaltyRow({ CF_XDR_SHXYM: pilot }), { ...CTX, usccAllowList: [pilot] })).toHaveProperty(
      'CF_XDR_SHXYM',
      pilot,
    );
  });

  it('checks organisation codes and registration numbers, storing the canonical form', () => {
    expect(
      payloadOf(penalty, penaltyRow({ CF_XDR_ZZJG: 'd2143569x', CF_XDR_GSZC: VALID.registrationNumber })),
    ).toMatchObject({
      CF_XDR_ZZJG: 'D2143569-X',
      CF_XDR_GSZC: VALID.registrationNumber,
    });
    const errors = errorsOf(penalty, penaltyRow({ CF_XDR_ZZJG: 'D2143569-1', CF_XDR_GSZC: '110108000000017' }));
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['CF_XDR_GSZC', 'identifier.check_mismatch'],
      ['CF_XDR_ZZJG', 'identifier.check_mismatch'],
    ]);
  });

  it('checks a citizen ID number when the document is 身份证 (or a synonym)', () => {
    const person = { CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '居民身份证' };
    expect(payloadOf(penalty, penaltyRow({ ...person, CF_XDR_ZJHM: '11010519491231002x' }))).toHaveProperty(
      'CF_XDR_ZJHM',
      '11010519491231002X',
    );
    const badCheck = only(errorsOf(penalty, penaltyRow({ ...person, CF_XDR_ZJHM: '110105194912310021' })));
    expect(badCheck).toMatchObject({ field: 'CF_XDR_ZJHM', code: 'identifier.check_mismatch' });
    const badDate = only(errorsOf(penalty, penaltyRow({ ...person, CF_XDR_ZJHM: citizenId('11010519491332002') })));
    expect(badDate.code).toBe('identifier.bad_date');
    expect(badDate.reason).toEqual(
      (({ zh, en }) => ({ zh, en }))(checkIdentifier(citizenId('11010519491332002'), { kind: 'citizen_id' }).reason!),
    );
  });

  it('does not apply the citizen-ID check to passports and permits', () => {
    const person = { CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '' };
    expect(payloadOf(penalty, penaltyRow({ ...person, CF_XDR_ZJLX: '护照', CF_XDR_ZJHM: 'E12345678' }))).toMatchObject({
      CF_XDR_ZJLX: '护照号',
      CF_XDR_ZJHM: 'E12345678',
    });
    expect(
      payloadOf(penalty, penaltyRow({ ...person, CF_XDR_ZJLX: '港澳居民来往内地通行证', CF_XDR_ZJHM: 'H1234567801' })),
    ).toHaveProperty('CF_XDR_ZJHM', 'H1234567801');
  });
});

describe('validateRow: dates', () => {
  it.each([
    ['2024-03-05'],
    ['2024/3/5'],
    ['2024.3.5'],
    ['2024年3月5日'],
    ['20240305'],
    ['45356'],
    ['２０２４－０３－０５'],
    ['2024-03-05 00:00:00'],
  ])('reads %s as 2024-03-05', (spelling) => {
    expect(payloadOf(penalty, penaltyRow({ CF_JDRQ: spelling }))).toHaveProperty('CF_JDRQ', '2024-03-05');
  });

  it.each([['2023-02-29'], ['2024-13-01'], ['20240230'], ['2024年4月31日']])(
    'refuses the impossible date %s',
    (date) => {
      expect(only(errorsOf(penalty, penaltyRow({ CF_JDRQ: date })))).toMatchObject({
        field: 'CF_JDRQ',
        code: 'date_nonexistent',
      });
    },
  );

  it.each([['yesterday'], ['2024-03'], ['3/5/2024'], ['12']])('refuses the unreadable date %s', (date) => {
    expect(only(errorsOf(penalty, penaltyRow({ CF_JDRQ: date }))).code).toBe('date_invalid');
  });

  it('accepts 29 February of a leap year', () => {
    expect(payloadOf(penalty, penaltyRow({ CF_JDRQ: '2024-02-29' }))).toHaveProperty('CF_JDRQ', '2024-02-29');
  });

  it('refuses a decision date after today (Asia/Shanghai, from the context) and accepts today', () => {
    const error = only(errorsOf(penalty, penaltyRow({ CF_JDRQ: '2024-07-01', CF_YXQ: '2025-07-01' })));
    expect(error).toMatchObject({ field: 'CF_JDRQ', code: 'date_in_future' });
    expect(error.reason.zh).toBe('日期 2024-07-01 晚于今天（2024-06-30）');
    expect(payloadOf(penalty, penaltyRow({ CF_JDRQ: CTX.today }))).toHaveProperty('CF_JDRQ', CTX.today);
    expect(payloadOf(licence, licenseRow({ XK_YXQZ: '2024-07-01' }))).toHaveProperty('XK_YXQZ', '2024-07-01');
  });

  it('refuses 有效期至 before 有效期自; equal dates and 9999-12-31 (no end) are fine', () => {
    const error = only(errorsOf(licence, licenseRow({ XK_YXQZ: '2024-03-05', XK_YXQZI: '2024/3/4' })));
    expect(error).toMatchObject({ field: 'XK_YXQZI', code: 'date_before_start', value: '2024/3/4' });
    expect(error.reason.zh).toBe('有效期至（2024-03-04）早于有效期自（2024-03-05）');
    expect(payloadOf(licence, licenseRow({ XK_YXQZI: '2024-03-05' }))).toHaveProperty('XK_YXQZI', '2024-03-05');
    expect(payloadOf(licence, licenseRow({ XK_YXQZI: '9999-12-31' }))).toHaveProperty('XK_YXQZI', '9999-12-31');
  });

  it('refuses a penalty valid only until before its decision (known pair CF_JDRQ → CF_YXQ)', () => {
    expect(only(errorsOf(penalty, penaltyRow({ CF_YXQ: '2024-03-04' })))).toMatchObject({
      field: 'CF_YXQ',
      code: 'date_before_start',
    });
  });
});

describe('validateRow: amounts and numbers', () => {
  it.each([
    ['0.000001', 1],
    // 1 万元 = 10,000 yuan = 1,000,000 fen.
    ['12.5', 12_500_000],
    ['１２．５', 12_500_000],
    ['1,234.5', 1_234_500_000],
    ['0.50万元', 500_000],
    ['3', 3_000_000],
    ['1.2000000', 1_200_000],
  ])('stores %s 万元 as %i fen', (cell, fen) => {
    expect(payloadOf(penalty, penaltyRow({ CF_NR_FK: cell }))).toHaveProperty('CF_NR_FK', fen);
  });

  it.each([
    ['-1', 'amount_negative'],
    ['1.2345678', 'amount_too_precise'],
    ['12,5', 'amount_invalid'],
    ['1.2.3', 'amount_invalid'],
    ['五千元', 'amount_invalid'],
    ['99999999999', 'amount_too_large'],
  ])('refuses the amount %s (%s)', (cell, code) => {
    expect(only(errorsOf(penalty, penaltyRow({ CF_NR_FK: cell })))).toMatchObject({ field: 'CF_NR_FK', code });
  });

  it('reads integers, decimals and booleans, and refuses what they are not', () => {
    const definition = typesDefinition();
    expect(payloadOf(definition, { T_INT: '1,234', T_DEC: '007.50', T_BOOL: '是', T_TEXT: '短' })).toEqual({
      T_INT: 1234,
      T_DEC: '7.50',
      T_BOOL: true,
      T_TEXT: '短',
    });
    expect(payloadOf(definition, { T_INT: '-3.0', T_DEC: '-0.5', T_BOOL: 'false' })).toEqual({
      T_INT: -3,
      T_DEC: '-0.5',
      T_BOOL: false,
    });
    const errors = errorsOf(definition, {
      T_INT: '1.5',
      T_DEC: '8,5',
      T_BOOL: '可能',
      T_TEXT: '十一个字符十一个字符多',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['T_INT', 'integer_invalid'],
      ['T_DEC', 'decimal_invalid'],
      ['T_BOOL', 'boolean_invalid'],
      ['T_TEXT', 'too_long'],
    ]);
  });

  it('checks USCCs of the deciding authority too', () => {
    expect(payloadOf(penalty, penaltyRow({ CF_CFJGDM: uscc('11110108MB0123456') }))).toHaveProperty('CF_CFJGDM');
    expect(only(errorsOf(penalty, penaltyRow({ CF_CFJGDM: '1111010800001321' }))).code).toBe('identifier.bad_length');
  });
});

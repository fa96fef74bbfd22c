import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  USCC_ALPHABET,
  checkIdentifier,
  computeCitizenIdCheck,
  computeOrgCodeCheck,
  computeRegistrationCheck,
  computeUsccCheck,
  formatIdentifierCheck,
} from './index';
import type { IdentifierKind } from './index';

const TODAY = new Date('2025-06-01T00:00:00Z');

const chars = (alphabet: string, n: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(''));
const DIGITS = '0123456789';

const generators: Record<IdentifierKind, fc.Arbitrary<string>> = {
  uscc: fc
    .tuple(chars(USCC_ALPHABET, 2), chars(DIGITS, 6), chars(USCC_ALPHABET, 9))
    .map(([a, b, c]) => a + b + c)
    .map((body) => body + computeUsccCheck(body)),
  org_code: chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 8).map((b) => `${b}-${computeOrgCodeCheck(b)}`),
  registration_number: chars(DIGITS, 14).map((b) => b + computeRegistrationCheck(b)),
  citizen_id: fc
    .tuple(
      chars(DIGITS, 6),
      fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true }),
      chars(DIGITS, 3),
    )
    .map(([a, d, s]) => a + d.toISOString().slice(0, 10).replaceAll('-', '') + s)
    .map((body) => body + computeCitizenIdCheck(body)),
};

describe('checkIdentifier', () => {
  it.each([
    ['91350100M000100Y43', 'uscc', '91350100M000100Y43'],
    ['91110000600037341L', 'uscc', '91110000600037341L'],
    ['D2143569-X', 'org_code', 'D2143569-X'],
    ['d2143569x', 'org_code', 'D2143569-X'],
    ['110108000000016', 'registration_number', '110108000000016'],
    ['11010519491231002X', 'citizen_id', '11010519491231002X'],
    ['11010519491231002x', 'citizen_id', '11010519491231002X'],
    ['440524188001010014', 'citizen_id', '440524188001010014'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', 'uscc', '91350100M000100Y43'],
    [' 91350100m000100y43 ', 'uscc', '91350100M000100Y43'],
  ])('detects and accepts %j as %s', (input, kind, normalized) => {
    const result = checkIdentifier(input, { today: TODAY });
    expect(result).toMatchObject({ input, kind, normalized, valid: true });
    expect(result.reason).toBeUndefined();
    expect(result.details?.kind).toBe(kind);
  });

  it('flags the allow-listed pilot code', () => {
    expect(checkIdentifier('91350203M0001QAY9B')).toMatchObject({ kind: 'uscc', valid: true, allowListed: true });
    expect(checkIdentifier('91350203M0001QAY9B', { allowList: [] })).toMatchObject({
      valid: false,
      reason: { code: 'check_mismatch' },
    });
  });

  describe('reasons', () => {
    it.each([
      ['91350100M000100Y44', {}, 'check_mismatch', 'check character should be 3, got 4', '校验位应为 3，实际为 4'],
      [
        '91350100M000100Y4',
        {},
        'bad_length',
        'USCC must be 18 characters, got 17',
        '统一社会信用代码应为 18 位，实际为 17 位',
      ],
      [
        '9135010',
        { kind: 'uscc' },
        'bad_length',
        'USCC must be 18 characters, got 7',
        '统一社会信用代码应为 18 位，实际为 7 位',
      ],
      [
        '9135I100M000100Y43',
        {},
        'bad_character',
        "character 5 'I' is not allowed in a USCC",
        '第 5 位字符“I”不允许出现在统一社会信用代码中',
      ],
      [
        '91A50100M000100Y43',
        {},
        'bad_character',
        "character 3 'A' is not allowed in a USCC (positions 3–8 are the division code and must be digits)",
        '第 3 位字符“A”不允许出现在统一社会信用代码中（第 3–8 位为行政区划代码，只能是数字）',
      ],
      [
        '11010519491332002X',
        {},
        'bad_date',
        'birth date 19491332 is not a valid date',
        '出生日期 19491332 不是有效日期',
      ],
      [
        'ABC',
        {},
        'unknown_format',
        'not a recognised identifier: 3 characters (USCC and citizen ID have 18, registration number 15, organisation code 9)',
        '无法识别的代码：共 3 位（统一社会信用代码和身份证号码为 18 位，注册号 15 位，组织机构代码 9 位）',
      ],
      [
        '110108********123X',
        {},
        'unknown_format',
        "not a recognised identifier: character 7 '*' is not a letter or digit",
        '无法识别的代码：第 7 位“*”不是数字或字母',
      ],
      ['  ', {}, 'empty', 'identifier is empty', '代码为空'],
    ] as const)('%j → %s', (input, opts, code, en, zh) => {
      const result = checkIdentifier(input, { ...opts, today: TODAY });
      expect(result.valid).toBe(false);
      expect(result.reason).toEqual({ code, en, zh });
      expect(result.details).toBeUndefined();
    });

    it('reports the kind it judged by, or unknown', () => {
      expect(checkIdentifier('91350100M000100Y44').kind).toBe('uscc');
      expect(checkIdentifier('ABC').kind).toBe('unknown');
      expect(checkIdentifier('110108000000017').kind).toBe('registration_number');
    });
  });

  describe('ambiguous 18-digit strings', () => {
    /** First sequence number making `prefix + seq` pass the citizen check and `wantUscc` for the USCC check. */
    function findDigits(prefix: string, wantUscc: boolean): string {
      for (let seq = 0; seq < 1000; seq += 1) {
        const body = prefix + String(seq).padStart(3, '0');
        const check = computeCitizenIdCheck(body);
        if ((computeUsccCheck(body) === check) === wantUscc) return body + check;
      }
      throw new Error('no candidate found');
    }

    it('prefers the citizen ID when both validate, and says so', () => {
      const both = findDigits('11010819800101', true);
      expect(checkIdentifier(both, { today: TODAY })).toMatchObject({
        kind: 'citizen_id',
        valid: true,
        alsoValidAs: ['uscc'],
      });
    });

    it('prefers the USCC when the string starts with 9 (no province code does)', () => {
      const both = findDigits('91010819800101', true);
      expect(checkIdentifier(both, { today: TODAY })).toMatchObject({ kind: 'uscc', alsoValidAs: ['citizen_id'] });
    });

    it('falls back to the kind that validates', () => {
      // A Yanqing (110119) public institution whose positions 7–14 happen to read as a date.
      let code = '';
      for (let n = 0; n < 1000 && code === ''; n += 1) {
        const body = `12110119400123${String(n).padStart(3, '0')}`;
        const candidate = body + computeUsccCheck(body);
        if (/^[0-9]{17}[0-9X]$/.test(candidate) && computeCitizenIdCheck(body) !== candidate.charAt(17))
          code = candidate;
      }
      const result = checkIdentifier(code, { today: TODAY });
      expect(result).toMatchObject({ kind: 'uscc', valid: true });
      expect(result.alsoValidAs).toBeUndefined();
    });
  });

  describe('properties', () => {
    it.each(Object.keys(generators) as IdentifierKind[])(
      'every generated valid %s validates, forced or detected',
      (kind) => {
        fc.assert(
          fc.property(generators[kind], (code) => {
            expect(checkIdentifier(code, { kind, allowList: [], today: TODAY }).valid).toBe(true);
            const detected = checkIdentifier(code, { allowList: [], today: TODAY });
            expect(detected.valid).toBe(true);
            expect(detected.kind === kind || detected.alsoValidAs?.includes(kind)).toBe(true);
          }),
        );
      },
    );
  });
});

describe('formatIdentifierCheck', () => {
  it('describes a valid USCC in either language', () => {
    const result = checkIdentifier('91350100M000100Y43');
    expect(formatIdentifierCheck(result, 'en')).toBe(
      'USCC 91350100M000100Y43 valid — market regulation (9) / enterprise (1), division 350100, organisation code M000100Y-4',
    );
    expect(formatIdentifierCheck(result, 'zh')).toBe(
      '统一社会信用代码 91350100M000100Y43 有效：工商（9）/ 企业（1），行政区划 350100，组织机构代码 M000100Y-4',
    );
  });

  it('states the reason of a rejection', () => {
    const result = checkIdentifier('91350100M000100Y44');
    expect(formatIdentifierCheck(result, 'en')).toBe(
      'USCC 91350100M000100Y44 invalid: check character should be 3, got 4',
    );
    expect(formatIdentifierCheck(result, 'zh')).toBe(
      '统一社会信用代码 91350100M000100Y44 无效：校验位应为 3，实际为 4',
    );
  });

  it('warns about allow-listed pilot codes', () => {
    expect(formatIdentifierCheck(checkIdentifier('91350203M0001QAY9B'), 'en')).toContain(
      '(allow-listed pilot code: check character does not verify)',
    );
  });

  it('never prints a citizen ID, or an unrecognised string, in full', () => {
    const id = checkIdentifier('11010519491231002X', { today: TODAY });
    expect(formatIdentifierCheck(id, 'en')).toBe('citizen ID 110105********002X valid');
    expect(formatIdentifierCheck(id, 'zh')).toBe('身份证号码 110105********002X 有效');
    expect(formatIdentifierCheck(checkIdentifier('1101051949123100'), 'en')).toMatch(/^"110105\*{6}3100" invalid: /);
  });

  it('formats the other kinds', () => {
    expect(formatIdentifierCheck(checkIdentifier('d2143569x'), 'en')).toBe('organisation code D2143569-X valid');
    expect(formatIdentifierCheck(checkIdentifier('110108000000016'), 'zh')).toBe(
      '注册号 110108000000016 有效：登记机关区划 110108',
    );
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { USCC_ALPHABET, USCC_WEIGHTS, checkUscc, computeUsccCheck, isValidUscc, usccToOrgCode } from './uscc';
import { isValidOrgCode } from './org-code';

const DIGITS = '0123456789';
/** Characters the standard allows at a 0-based position: the division code is digits only. */
const allowedAt = (i: number): string => (i >= 2 && i <= 7 ? DIGITS : USCC_ALPHABET);

const charsFrom = (alphabet: string, length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));
const usccBody = fc
  .tuple(charsFrom(USCC_ALPHABET, 2), charsFrom(DIGITS, 6), charsFrom(USCC_ALPHABET, 9))
  .map(([a, b, c]) => a + b + c);
const validUscc = usccBody.map((body) => body + computeUsccCheck(body));

function substitute(code: string, position: number, shift: number): string {
  const allowed = allowedAt(position);
  const original = code.charAt(position);
  // shift in 1..allowed.length-1 guarantees a different character.
  const replacement = allowed.charAt((allowed.indexOf(original) + shift) % allowed.length);
  return code.slice(0, position) + replacement + code.slice(position + 1);
}

describe('USCC (GB 32100-2015)', () => {
  it('uses the 31-character alphabet and weights 3^(i-1) mod 31', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOSVZ]/);
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it.each(['91350100M000100Y43', '91110000600037341L'])('accepts the reference code %s', (code) => {
    expect(computeUsccCheck(code.slice(0, 17))).toBe(code.charAt(17));
    expect(isValidUscc(code)).toBe(true);
  });

  it('decodes authority, category, division, embedded organisation code and kind hint', () => {
    const outcome = checkUscc('91350100M000100Y43');
    expect(outcome.valid && outcome.details).toEqual({
      kind: 'uscc',
      registrationAuthority: { code: '9', zh: '工商', en: 'market regulation', known: true },
      institutionCategory: { code: '1', zh: '企业', en: 'enterprise', known: true },
      divisionCode: '350100',
      embeddedOrgCode: 'M000100Y-4',
      orgCodeValid: true,
      subjectKindHint: 'legal_person',
    });
  });

  it.each([
    ['92', 'individual_business', '个体工商户'],
    ['93', 'other_org', '农民专业合作社'],
    ['51', 'other_org', '社会团体'],
    ['53', 'other_org', '基金会'],
    ['12', 'other_org', '事业单位'],
    ['Y1', 'other_org', '未知'],
  ])('hints %s as %s (category %s)', (prefix, hint, categoryZh) => {
    const body = `${prefix}110108MA0000001`;
    const outcome = checkUscc(body + computeUsccCheck(body));
    expect(outcome.valid).toBe(true);
    if (!outcome.valid) return;
    expect(outcome.details.subjectKindHint).toBe(hint);
    expect(outcome.details.institutionCategory.zh).toBe(categoryZh);
  });

  it('accepts an unknown registration authority and labels it unknown', () => {
    const body = '31110108MA0000001';
    const outcome = checkUscc(body + computeUsccCheck(body));
    expect(outcome.valid).toBe(true);
    if (!outcome.valid) return;
    expect(outcome.details.registrationAuthority).toEqual({ code: '3', zh: '未知', en: 'unknown', known: false });
    expect(outcome.details.subjectKindHint).toBe('other_org');
  });

  describe('pilot allow-list', () => {
    const pilot = '91350203M0001QAY9B';

    it('accepts the known pilot code by default, flagged', () => {
      expect(computeUsccCheck(pilot.slice(0, 17))).toBe('9');
      const outcome = checkUscc(pilot);
      expect(outcome).toMatchObject({ valid: true, allowListed: true, normalized: pilot });
    });

    it('rejects it when the allow-list is emptied', () => {
      const outcome = checkUscc(pilot, { allowList: [] });
      expect(outcome.valid).toBe(false);
      if (outcome.valid) return;
      expect(outcome.reason).toEqual({
        code: 'check_mismatch',
        zh: '校验位应为 9，实际为 B',
        en: 'check character should be 9, got B',
      });
    });

    it('normalises allow-list entries and never flags a code that verifies anyway', () => {
      expect(checkUscc(' 91350203m0001qay9b', { allowList: ['９１３５０２０３Ｍ０００１ＱＡＹ９Ｂ'] })).toMatchObject({
        valid: true,
        allowListed: true,
      });
      expect(checkUscc('91350100M000100Y43', { allowList: ['91350100M000100Y43'] })).not.toHaveProperty('allowListed');
    });

    it('only overrides the check character, not the shape', () => {
      expect(checkUscc('91350203M0001QAY9', { allowList: ['91350203M0001QAY9'] }).valid).toBe(false);
    });
  });

  describe('usccToOrgCode', () => {
    it('derives the legacy code when positions 9–17 verify as GB 11714', () => {
      expect(usccToOrgCode('91350100M000100Y43')).toBe('M000100Y-4');
      expect(usccToOrgCode('91110000600037341L')).toBe('60003734-1');
    });

    it('returns null when the embedded part does not verify or the USCC is invalid', () => {
      const body = '91110000600037342'; // 60003734-2: wrong organisation-code check
      expect(isValidOrgCode('60003734-2')).toBe(false);
      expect(isValidUscc(body + computeUsccCheck(body))).toBe(true);
      expect(usccToOrgCode(body + computeUsccCheck(body))).toBeNull();
      expect(usccToOrgCode('91350100M000100Y44')).toBeNull();
    });
  });

  it('rejects a malformed body in computeUsccCheck instead of returning a wrong character', () => {
    expect(() => computeUsccCheck('9135010')).toThrow(RangeError);
    expect(() => computeUsccCheck('9135010OM000100Y4')).toThrow(RangeError);
  });

  describe('properties', () => {
    it('every generated code with its computed check character validates', () => {
      fc.assert(fc.property(validUscc, (code) => checkUscc(code, { allowList: [] }).valid));
    });

    it('every single-character substitution to another allowed character is caught by the check (31 is prime)', () => {
      fc.assert(
        fc.property(validUscc, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 30 }), (code, position, rawShift) => {
          const shift = 1 + ((rawShift - 1) % (allowedAt(position).length - 1));
          const mutated = substitute(code, position, shift);
          if (position < 17) expect(computeUsccCheck(mutated.slice(0, 17))).not.toBe(code.charAt(17));
          const outcome = checkUscc(mutated, { allowList: [] });
          expect(outcome.valid).toBe(false);
          expect(!outcome.valid && outcome.reason.code).toBe('check_mismatch');
        }),
      );
    });

    it('exhaustively: all 414 allowed substitutions of the Annex B example are caught', () => {
      const code = '91350100M000100Y43';
      let caught = 0;
      for (let position = 0; position < 18; position += 1) {
        for (let shift = 1; shift < allowedAt(position).length; shift += 1) {
          if (!checkUscc(substitute(code, position, shift), { allowList: [] }).valid) caught += 1;
        }
      }
      expect(caught).toBe(2 * 30 + 6 * 9 + 10 * 30);
    });
  });
});

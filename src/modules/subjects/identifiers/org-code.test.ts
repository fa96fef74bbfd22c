import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkOrgCode, computeOrgCodeCheck, isValidOrgCode, orgCodeCharValue } from './org-code';
import { checkUscc } from './uscc';

const BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CHECK_CHARS = '0123456789X';

const body8 = fc.array(fc.constantFrom(...BODY_CHARS), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const validOrgCode = body8.map((b) => b + computeOrgCodeCheck(b));

const replaceAt = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1);

describe('organisation code (GB 11714-1997)', () => {
  it('accepts the standard example with or without the hyphen and normalises to XXXXXXXX-X', () => {
    expect(computeOrgCodeCheck('D2143569')).toBe('X');
    for (const input of ['D2143569-X', 'D2143569X', 'd2143569x', 'Ｄ２１４３５６９－Ｘ', ' D2143569 — X ']) {
      expect(checkOrgCode(input)).toMatchObject({
        valid: true,
        normalized: 'D2143569-X',
        details: { kind: 'org_code', body: 'D2143569', checkCharacter: 'X' },
      });
    }
  });

  it('maps a computed 11 to 0 and 10 to X', () => {
    // Σ ≡ 0 (mod 11) → C9 = 11 → '0'
    expect(computeOrgCodeCheck('00000000')).toBe('0');
    expect(isValidOrgCode('00000000-0')).toBe(true);
    expect(isValidOrgCode('D2143569-0')).toBe(false);
  });

  it('gives precise reasons', () => {
    expect(checkOrgCode('D2143569-3')).toMatchObject({
      valid: false,
      reason: { code: 'check_mismatch', en: 'check character should be X, got 3', zh: '校验位应为 X，实际为 3' },
    });
    expect(checkOrgCode('D214356-X')).toMatchObject({
      valid: false,
      reason: { code: 'bad_length', en: 'Organisation code must be 9 (8 + check) characters, got 8' },
    });
    expect(checkOrgCode('D2143569-Y')).toMatchObject({
      valid: false,
      reason: {
        code: 'bad_character',
        en: "character 9 'Y' is not allowed in an organisation code (the check character is 0–9 or X)",
      },
    });
    expect(checkOrgCode('D21.3569-X')).toMatchObject({ valid: false, reason: { code: 'bad_character' } });
  });

  describe('properties', () => {
    it('every generated body with its computed check character validates', () => {
      fc.assert(fc.property(validOrgCode, (code) => isValidOrgCode(code)));
    });

    it('a substitution in the body is caught exactly when the two values differ by a non-multiple of 11', () => {
      fc.assert(
        fc.property(validOrgCode, fc.nat({ max: 7 }), fc.constantFrom(...BODY_CHARS), (code, i, replacement) => {
          fc.pre(replacement !== code.charAt(i));
          const diff = orgCodeCharValue(replacement) - orgCodeCharValue(code.charAt(i));
          expect(isValidOrgCode(replaceAt(code, i, replacement))).toBe(diff % 11 === 0);
        }),
      );
    });

    it('a substitution of the check character is always caught', () => {
      fc.assert(
        fc.property(validOrgCode, fc.constantFrom(...CHECK_CHARS), (code, replacement) => {
          fc.pre(replacement !== code.charAt(8));
          expect(isValidOrgCode(replaceAt(code, 8, replacement))).toBe(false);
        }),
      );
    });
  });

  describe('what mod 11 cannot catch (documented, not hidden)', () => {
    // Values run 0–35 but the check works mod 11, so characters whose values are
    // congruent mod 11 are interchangeable at any body position: every weight is
    // non-zero mod 11, so only the value difference matters.
    const classes = ['0BMX', '1CNY', '2DOZ', '3EP', '4FQ', '5GR', '6HS', '7IT', '8JU', '9KV', 'ALW'];

    it('the undetectable substitution classes are exactly the residues mod 11', () => {
      const byResidue = new Map<number, string>();
      for (const c of BODY_CHARS)
        byResidue.set(orgCodeCharValue(c) % 11, (byResidue.get(orgCodeCharValue(c) % 11) ?? '') + c);
      expect([...byResidue.values()]).toEqual(classes);
    });

    it('exhaustively over the standard example: 8 positions × 35 replacements, misses only within a class', () => {
      const code = 'D2143569X';
      const missed: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        for (const c of BODY_CHARS) {
          if (c !== code.charAt(i) && isValidOrgCode(replaceAt(code, i, c)))
            missed.push(`${i + 1}:${code.charAt(i)}→${c}`);
        }
      }
      const sameClass = (a: string, b: string) => classes.some((k) => k.includes(a) && k.includes(b));
      expect(missed.every((m) => sameClass(m.charAt(2), m.charAt(4)))).toBe(true);
      // D2143569: D(2DOZ)+2(2DOZ)+1(1CNY)+4(4FQ)+3(3EP)+5(5GR)+6(6HS)+9(9KV) → 3+3+3+2+2+2+2+2 partners
      expect(missed).toHaveLength(19);
      expect(missed).toContain('2:2→D');
      expect(isValidOrgCode('DD143569-X')).toBe(true);
    });

    it('inside a USCC the mod 31 check still catches such a substitution', () => {
      // Embedded M000100Y-4: 0 → B at USCC position 10 keeps the organisation code valid.
      expect(isValidOrgCode('MB00100Y-4')).toBe(true);
      expect(checkUscc('91350100MB00100Y43', { allowList: [] }).valid).toBe(false);
    });
  });
});

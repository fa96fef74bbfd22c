import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkRegistrationNumber,
  computeRegistrationCheck,
  isValidRegistrationNumber,
  mod1110CheckFromState,
  mod1110Step,
} from './registration-number';

const DIGITS = '0123456789';
const body14 = fc.array(fc.constantFrom(...DIGITS), { minLength: 14, maxLength: 14 }).map((a) => a.join(''));
const validNumber = body14.map((b) => b + computeRegistrationCheck(b));
const STATES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('registration number (ISO 7064 MOD 11,10)', () => {
  it('accepts the computed example and decodes it', () => {
    expect(computeRegistrationCheck('11010800000001')).toBe('6');
    expect(checkRegistrationNumber('110108000000016')).toEqual({
      valid: true,
      normalized: '110108000000016',
      details: { kind: 'registration_number', divisionCode: '110108', sequence: '00000001' },
    });
  });

  it('gives precise reasons', () => {
    expect(checkRegistrationNumber('110108000000017')).toMatchObject({
      reason: { code: 'check_mismatch', en: 'check character should be 6, got 7' },
    });
    expect(checkRegistrationNumber('11010800000001')).toMatchObject({
      reason: { code: 'bad_length', en: 'Registration number must be 15 characters, got 14' },
    });
    expect(checkRegistrationNumber('11010800000001A')).toMatchObject({
      reason: { code: 'bad_character', en: "character 15 'A' is not allowed in a registration number (digits only)" },
    });
  });

  describe('properties', () => {
    it('every generated body with its computed check digit validates', () => {
      fc.assert(fc.property(validNumber, (n) => isValidRegistrationNumber(n)));
    });

    it('every single-digit substitution at any of the 15 positions is caught', () => {
      fc.assert(
        fc.property(validNumber, (n) => {
          for (let i = 0; i < 15; i += 1) {
            for (const d of DIGITS) {
              if (d === n.charAt(i)) continue;
              expect(isValidRegistrationNumber(n.slice(0, i) + d + n.slice(i + 1))).toBe(false);
            }
          }
        }),
        { numRuns: 200 },
      );
    });

    // The property above samples; this proves the claim for every number. The running state p
    // takes the values 1–10. If, from any state, different digits lead to different next states,
    // every later step is injective in the state, and the final state → check map is injective,
    // then changing one digit always changes the expected check digit.
    it('the claim holds for all numbers: each step and the final map are injective (exhaustive over states)', () => {
      for (const p of STATES) {
        const next = DIGITS.split('').map((d) => mod1110Step(p, Number(d)));
        expect(new Set(next).size).toBe(10);
        expect(next.every((q) => q >= 1 && q <= 10)).toBe(true);
      }
      for (const d of DIGITS) {
        expect(new Set(STATES.map((p) => mod1110Step(p, Number(d)))).size).toBe(10);
      }
      expect(new Set(STATES.map(mod1110CheckFromState)).size).toBe(10);
    });

    it('informational: 20 of the 900 (state, a≠b) adjacent transpositions go undetected', () => {
      let missed = 0;
      for (const p of STATES) {
        for (let a = 0; a < 10; a += 1) {
          for (let b = 0; b < 10; b += 1) {
            if (a !== b && mod1110Step(mod1110Step(p, a), b) === mod1110Step(mod1110Step(p, b), a)) missed += 1;
          }
        }
      }
      expect(missed).toBe(20);
    });
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkCitizenId, computeCitizenIdCheck, isValidCitizenId, maskCitizenId } from './citizen-id';

const TODAY = new Date('2025-06-01T00:00:00Z');
const DIGITS = '0123456789';
const CHECK_CHARS = '0123456789X';

const digits = (n: number) =>
  fc.array(fc.constantFrom(...DIGITS), { minLength: n, maxLength: n }).map((a) => a.join(''));
const birthDate = fc
  .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const validId = fc
  .tuple(digits(6), birthDate, digits(3))
  .map(([address, birth, seq]) => address + birth + seq)
  .map((body) => body + computeCitizenIdCheck(body));

const withCheck = (body17: string): string => body17 + computeCitizenIdCheck(body17);

describe('citizen ID (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts the reference number %s', (id) => {
    expect(computeCitizenIdCheck(id.slice(0, 17))).toBe(id.charAt(17));
    expect(isValidCitizenId(id, { today: TODAY })).toBe(true);
  });

  it('normalises a lower-case x and decodes the parts', () => {
    expect(checkCitizenId('11010519491231002x', { today: TODAY })).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      details: { kind: 'citizen_id', addressCode: '110105', birthDate: '1949-12-31', sequence: '002', sex: 'female' },
    });
    const outcome = checkCitizenId('440524188001010014', { today: TODAY });
    expect(outcome.valid && outcome.details.sex).toBe('male');
  });

  describe('birth date', () => {
    it('rejects an impossible date', () => {
      expect(checkCitizenId(withCheck('11010519491332002'), { today: TODAY })).toMatchObject({
        valid: false,
        reason: {
          code: 'bad_date',
          en: 'birth date 19491332 is not a valid date',
          zh: '出生日期 19491332 不是有效日期',
        },
      });
    });

    it('knows leap years', () => {
      expect(isValidCitizenId(withCheck('11010520000229002'), { today: TODAY })).toBe(true);
      expect(checkCitizenId(withCheck('11010519000229002'), { today: TODAY })).toMatchObject({
        reason: { code: 'bad_date' },
      });
    });

    it('rejects dates before 1800 and after today', () => {
      expect(checkCitizenId(withCheck('11010517991231002'), { today: TODAY })).toMatchObject({
        reason: { code: 'bad_date', en: 'birth date 17991231 is before 1800' },
      });
      expect(checkCitizenId(withCheck('11010520990101002'), { today: TODAY })).toMatchObject({
        reason: { code: 'bad_date', en: 'birth date 20990101 is in the future', zh: '出生日期 20990101 晚于今天' },
      });
    });

    it('judges "today" by the date in China, not the server time zone', () => {
      const lateUtc = new Date('2025-06-01T16:30:00Z'); // already 2 June in Beijing
      expect(isValidCitizenId(withCheck('11010520250602002'), { today: lateUtc })).toBe(true);
      expect(isValidCitizenId(withCheck('11010520250603002'), { today: lateUtc })).toBe(false);
    });
  });

  it('gives precise length, character and check reasons', () => {
    expect(checkCitizenId('11010519491231002')).toMatchObject({
      reason: { code: 'bad_length', en: 'Citizen ID must be 18 characters, got 17' },
    });
    expect(checkCitizenId('1101A519491231002X')).toMatchObject({
      reason: {
        code: 'bad_character',
        en: "character 5 'A' is not allowed in a citizen ID (positions 1–17 are digits)",
      },
    });
    expect(checkCitizenId('110105194912310021', { today: TODAY })).toMatchObject({
      reason: { code: 'check_mismatch', en: 'check character should be X, got 1', zh: '校验位应为 X，实际为 1' },
    });
  });

  describe('maskCitizenId', () => {
    it('keeps the first 6 and last 4 characters', () => {
      expect(maskCitizenId('110108197001011234')).toBe('110108********1234');
      expect(maskCitizenId(' 11010519491231002x ')).toBe('110105********002X');
    });

    it('masks everything when too short to keep both ends', () => {
      expect(maskCitizenId('1101051949')).toBe('**********');
      expect(maskCitizenId('')).toBe('');
    });
  });

  describe('properties', () => {
    it('every generated number with a real birth date and its computed check validates', () => {
      fc.assert(fc.property(validId, (id) => isValidCitizenId(id, { today: TODAY })));
    });

    it('every single-digit substitution in positions 1–17 changes the expected check (weights are non-zero mod 11)', () => {
      fc.assert(
        fc.property(validId, fc.nat({ max: 16 }), fc.constantFrom(...DIGITS), (id, i, d) => {
          fc.pre(d !== id.charAt(i));
          const mutated = id.slice(0, i) + d + id.slice(i + 1);
          // The checksum alone catches it; the date rule may also fire first, which is fine.
          expect(computeCitizenIdCheck(mutated.slice(0, 17))).not.toBe(id.charAt(17));
          expect(isValidCitizenId(mutated, { today: TODAY })).toBe(false);
        }),
      );
    });

    it('every substitution of the check character is caught', () => {
      fc.assert(
        fc.property(validId, fc.constantFrom(...CHECK_CHARS), (id, c) => {
          fc.pre(c !== id.charAt(17));
          expect(isValidCitizenId(id.slice(0, 17) + c, { today: TODAY })).toBe(false);
        }),
      );
    });
  });
});

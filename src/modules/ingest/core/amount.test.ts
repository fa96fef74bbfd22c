import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEN_PER_WAN, fenToWan, wanToFen } from './amount';
import { excelSerialToDate, parseDate } from './dates';

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** What a valid amount string means: no leading zeros, no trailing decimal zeros. */
function canonical(whole: string, fraction: string): string {
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

describe('wanToFen / fenToWan', () => {
  it('moves the decimal point six places (1 万元 = 1,000,000 fen)', () => {
    expect(FEN_PER_WAN).toBe(1_000_000);
    expect(wanToFen('0.000001')).toEqual({ ok: true, fen: 1 });
    expect(wanToFen('1')).toEqual({ ok: true, fen: 1_000_000 });
    expect(wanToFen('12.5')).toEqual({ ok: true, fen: 12_500_000 });
    expect(wanToFen('0.1')).toEqual({ ok: true, fen: 100_000 });
    expect(wanToFen('.5')).toEqual({ ok: true, fen: 500_000 });
    expect(fenToWan(1)).toBe('0.000001');
    expect(fenToWan(12_500_000)).toBe('12.5');
    expect(fenToWan(0)).toBe('0');
  });

  it('is exact where floats are not', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; 1.005 × 1e6 is 1004999.9999999999.
    expect(wanToFen('0.3')).toEqual({ ok: true, fen: 300_000 });
    expect(wanToFen('1.005')).toEqual({ ok: true, fen: 1_005_000 });
    expect(wanToFen('9007199254.740991')).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER });
    expect(wanToFen('9007199254.740992')).toMatchObject({ ok: false, code: 'amount_too_large' });
  });

  it('converts any valid amount with at most 6 decimals to fen and back exactly (property)', () => {
    fc.assert(
      fc.property(digits(1, 9), digits(0, 6), fc.boolean(), (whole, fraction, withPoint) => {
        const text = fraction || withPoint ? `${whole}.${fraction}` : whole;
        const result = wanToFen(text);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(Number.isSafeInteger(result.fen)).toBe(true);
        expect(fenToWan(result.fen)).toBe(canonical(whole, fraction));
        expect(wanToFen(fenToWan(result.fen))).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('goes from any safe number of fen to 万元 and back exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(wanToFen(fenToWan(fen))).toEqual({ ok: true, fen });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses more than 6 significant decimals, negatives and malformed numbers', () => {
    expect(wanToFen('0.0000001')).toMatchObject({ ok: false, code: 'amount_too_precise' });
    expect(wanToFen('0.1000000')).toEqual({ ok: true, fen: 100_000 });
    expect(wanToFen('-0.5')).toMatchObject({ ok: false, code: 'amount_negative' });
    for (const bad of ['', '.', 'abc', '1e3', '1.2.3', '12,5', '1 2', '¥5']) {
      expect(wanToFen(bad)).toMatchObject({ ok: false, code: 'amount_invalid' });
    }
  });
});

describe('parseDate', () => {
  it('maps Excel serial numbers with the 1900 leap-year quirk', () => {
    expect(excelSerialToDate(45356)).toBe('2024-03-05');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(2_958_465)).toBe('9999-12-31');
    expect(parseDate('45356.75')).toEqual({ ok: true, date: '2024-03-05' });
  });

  it('agrees with the calendar on every day of four years (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 366 }), (offset) => {
        const date = new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000);
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-').map(Number);
        for (const spelling of [
          iso,
          `${y}/${m}/${d}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          iso.replaceAll('-', ''),
        ]) {
          expect(parseDate(spelling)).toEqual({ ok: true, date: iso });
        }
      }),
    );
  });
});

/**
 * Amounts in 万元 (10,000 yuan) with up to 6 decimals are exact to the fen:
 * 1 万元 = 1,000,000 fen. They are converted by moving the decimal point in
 * the string — never through a float, where 0.000001 × 1e6 is not 1.
 */
import type { LocalizedText } from '../../../platform/errors';
import { normalizeStructured } from './text-normalize';

export const FEN_PER_WAN = 1_000_000;
export const WAN_DECIMALS = 6;

export type AmountErrorCode = 'amount_invalid' | 'amount_negative' | 'amount_too_precise' | 'amount_too_large';

export type AmountResult =
  | { readonly ok: true; readonly fen: number }
  | { readonly ok: false; readonly code: AmountErrorCode; readonly reason: LocalizedText };

const fail = (code: AmountErrorCode, zh: string, en: string): AmountResult => ({ ok: false, code, reason: { zh, en } });

// Thousands separators only where they are unambiguous: 1,234,567.5.
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const PLAIN = /^(\d*)(?:\.(\d*))?$/;

/**
 * `'12.5'` → 125,000,000 fen; `'0.000001'` → 1. Accepts full-width digits,
 * thousands separators and a trailing `万元`/`万` unit.
 */
export function wanToFen(input: string): AmountResult {
  // Inner spaces are not stripped: `1 2` is two numbers or a typo, not 12.
  let text = normalizeStructured(input).replace(/\s*万元?$/, '');
  if (/^[-−]/.test(text) && PLAIN.test(text.slice(1)) && /\d/.test(text)) {
    return fail('amount_negative', '金额不能为负数', 'the amount cannot be negative');
  }
  if (text.startsWith('+')) text = text.slice(1);
  if (GROUPED.test(text)) text = text.replaceAll(',', '');
  const match = PLAIN.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) {
    return fail(
      'amount_invalid',
      '金额应为数字（单位万元，最多 6 位小数），如 12.5',
      'the amount must be a number (in 10,000 yuan, up to 6 decimals), e.g. 12.5',
    );
  }
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > WAN_DECIMALS) {
    return fail(
      'amount_too_precise',
      `金额最多 ${WAN_DECIMALS} 位小数（精确到分）`,
      `the amount has more than ${WAN_DECIMALS} decimals (finer than a fen)`,
    );
  }
  const digits = (whole + significant.padEnd(WAN_DECIMALS, '0')).replace(/^0+(?=\d)/, '');
  // 15 digits always fit a double exactly; 16 only up to MAX_SAFE_INTEGER.
  if (digits.length > 16 || (digits.length === 16 && digits > String(Number.MAX_SAFE_INTEGER))) {
    return fail('amount_too_large', '金额过大', 'the amount is too large');
  }
  return { ok: true, fen: Number(digits) };
}

/** 125,000,000 → `'12.5'`: the shortest 万元 string for an integer number of fen. */
export function fenToWan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(WAN_DECIMALS + 1, '0');
  const whole = digits.slice(0, -WAN_DECIMALS);
  const fraction = digits.slice(-WAN_DECIMALS).replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

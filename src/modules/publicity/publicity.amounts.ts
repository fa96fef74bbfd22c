/**
 * Amounts: payloads hold integer fen (ingest converts 万元 input exactly);
 * the public sees 万元, the unit of the exchange standard's labels.
 */

const FEN_PER_WAN_DIGITS = 6;

/** 125,000,000 fen → `'12.5'` (万元), by moving the decimal point in the string: never through a float. */
export function fenToWan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(FEN_PER_WAN_DIGITS + 1, '0');
  const whole = digits.slice(0, -FEN_PER_WAN_DIGITS);
  const fraction = digits.slice(-FEN_PER_WAN_DIGITS).replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/**
 * The 万元 string of a stored amount: an integer is fen; a decimal string
 * (a payload written without ingest's normalisation) is taken as 万元
 * already; anything else is not shown.
 */
export function amountInWan(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? fenToWan(value) : null;
  if (typeof value === 'string' && /^\d+(\.\d{1,6})?$/.test(value.trim())) return value.trim();
  return null;
}

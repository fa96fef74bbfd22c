import type { RecordVersion } from './records-api';

export interface FieldChange {
  readonly code: string;
  readonly before: unknown;
  readonly after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a version changed against the one before it: the payload fields whose
 * value differs (added, removed or changed), in the order of `fieldOrder`
 * and then any others. The first version changed everything it holds.
 */
export function payloadChanges(
  version: RecordVersion,
  previous: RecordVersion | undefined,
  fieldOrder: readonly string[] = [],
): FieldChange[] {
  const before = previous?.payload ?? {};
  const after = version.payload;
  const codes = new Set([...Object.keys(before), ...Object.keys(after)]);
  const ordered = [...fieldOrder.filter((c) => codes.has(c)), ...[...codes].filter((c) => !fieldOrder.includes(c))];
  return ordered
    .filter((code) => !same(before[code], after[code]))
    .map((code) => ({ code, before: before[code], after: after[code] }));
}

/** State changes that are not in the payload: status and linked subject. */
export function stateChanges(
  version: RecordVersion,
  previous: RecordVersion | undefined,
): Array<{ key: 'status' | 'subjectId'; before: string | null; after: string | null }> {
  if (!previous) return [];
  const out: Array<{ key: 'status' | 'subjectId'; before: string | null; after: string | null }> = [];
  if (previous.status !== version.status) out.push({ key: 'status', before: previous.status, after: version.status });
  if (previous.subjectId !== version.subjectId)
    out.push({ key: 'subjectId', before: previous.subjectId, after: version.subjectId });
  return out;
}

/** A payload value as text: lists joined, 万元 amounts (stored in fen) as 万元. */
export function formatValue(value: unknown, type?: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).join('；');
  if (type === 'amount_wan' && typeof value === 'number')
    return `${(value / 1_000_000).toFixed(6).replace(/\.?0+$/, '')}`;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

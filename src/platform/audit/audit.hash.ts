import { createHash } from 'node:crypto';
import type { AuditLogTable } from './audit.repository';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: everything but its position and its own hash. */
export type HashedEntry = Omit<AuditLogTable, 'seq' | 'hash'>;

const FIELDS: readonly (keyof HashedEntry)[] = [
  'id',
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'department_id',
  'action',
  'target_type',
  'target_id',
  'subject_id',
  'purpose',
  'case_number',
  'request_id',
  'detail',
  'prev_hash',
];

/**
 * The position (seq) is left out on purpose: the chain order is carried by
 * `prev_hash`, so a moved entry still hashes to itself but breaks the link,
 * and verify can tell "reordered" from "altered".
 */
export function entryHash(entry: HashedEntry): string {
  const canonical = JSON.stringify(FIELDS.map((f) => entry[f] ?? null));
  return createHash('sha256').update(canonical).digest('hex');
}

import { getRandomValues } from 'node:crypto';
import { monotonicFactory } from 'ulidx';

/**
 * Cryptographic randomness drawn a pool at a time. ulidx asks its generator
 * for one number per character (16 per id), and one `getRandomValues` call
 * each made request ids alone cost 3% of a busy server's time.
 */
const pool = new Uint32Array(4096);
let next = pool.length;
const pooledRandom = (): number => {
  if (next === pool.length) {
    getRandomValues(pool);
    next = 0;
  }
  return pool[next++]! / 2 ** 32;
};

const ulid = monotonicFactory(pooledRandom);

/** Sortable text ids (ULID): portable across SQLite and PostgreSQL, ordered by creation. */
export function newId(): string {
  return ulid();
}

/** ISO-8601 UTC timestamp, the one time format stored in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

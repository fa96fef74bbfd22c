import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Sortable text ids (ULID): portable across SQLite and PostgreSQL, ordered by creation. */
export function newId(): string {
  return ulid();
}

/** ISO-8601 UTC timestamp, the one time format stored in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

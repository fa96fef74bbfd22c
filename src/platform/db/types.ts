import type { Kysely, RawBuilder } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * What module code is handed: a Kysely instance or an open transaction. Each
 * repository narrows it to its own tables with `tables<T>(executor)` so that a
 * module's SQL can only name the tables it owns.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped seam; repositories narrow it
export type Executor = Kysely<any>;

/** Narrows an executor to one module's tables (see `Executor`). */
export function tables<T>(executor: Executor): Kysely<T> {
  return executor as Kysely<T>;
}

/**
 * The rows of a table whose `column` holds `value` (e.g. `public = 1`): a
 * substring index over them alone answers a search limited to them without
 * reading each match's row to check.
 */
export interface RowSubset {
  readonly column: string;
  readonly value: number;
}

/**
 * The one dialect seam. Everything that is spelled differently on SQLite and
 * PostgreSQL lives behind this interface; callers ask for a capability, never
 * for a dialect name.
 */
export interface DialectHelpers {
  readonly dialect: Dialect;
  /** PostgreSQL can claim rows with FOR UPDATE SKIP LOCKED; SQLite has one writer. */
  readonly supportsSkipLocked: boolean;
  /** Column type of an auto-incremented integer primary key, for migrations. */
  readonly autoIncrementType: 'integer' | 'bigserial';
  /**
   * Creates the substring index for `table.column` (the table must have an
   * integer primary key `id`): FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL.
   * With `subset`, over those rows only (kept so as rows enter and leave it);
   * rows already in the table are indexed.
   */
  createSubstringIndex(db: Executor, table: string, column: string, subset?: RowSubset): Promise<void>;
  /** Drops what `createSubstringIndex` made. */
  dropSubstringIndex(db: Executor, table: string, column: string, subset?: RowSubset): Promise<void>;
  /**
   * The ids of `table` rows whose `column` contains `term` (any substring,
   * case-insensitive for Latin letters), as a derived table with one column
   * `match_id`, ascending, so that `ORDER BY match_id LIMIT n` stops early.
   * Uses the index made by `createSubstringIndex` (with the same `subset`:
   * then only rows of the subset match).
   */
  substringMatches(table: string, column: string, term: string, subset?: RowSubset): RawBuilder<{ match_id: number }>;
  /** The schema new tables go to (PostgreSQL's current_schema()); undefined where schemas do not exist. */
  currentSchema(db: Executor): Promise<string | undefined>;
  /** Makes ready what the database needs before migrations (extensions, pragmas). */
  prepare(db: Executor): Promise<void>;
  /**
   * Runs `fn` (typically one large transaction) with the connection tuned for
   * writing many rows, and restores it afterwards: on SQLite a larger page
   * cache; nothing on PostgreSQL.
   */
  withBulkWrite<T>(db: Executor, fn: () => Promise<T>): Promise<T>;
  /**
   * Refreshes the query planner's statistics where they have gone stale: on
   * SQLite `PRAGMA optimize` (without statistics SQLite may walk a whole
   * index and sort rather than seek: an entity page's records took 2 s
   * instead of 0.3 ms); nothing on PostgreSQL, whose autovacuum analyses.
   */
  optimize(db: Executor): Promise<void>;
}

export interface Db {
  readonly dialect: Dialect;
  readonly kysely: Executor;
  readonly helpers: DialectHelpers;
  /** Runs `fn` in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DialectHelpers, Executor, RowSubset } from './types';
import { EACH_ROW } from './insert-rows';

/** The page cache, in KiB: for everyday work, and while `withBulkWrite` runs. */
const CACHE_KIB = 65_536;
const BULK_CACHE_KIB = 98_304;

/**
 * Opens the SQLite file in WAL mode with the pragmas the platform relies on.
 * A `reader` (a reader thread's connection, platform/readers) cannot write
 * (`query_only`) and leaves the planner's statistics to the main connection.
 */
export function openSqlite(file: string, options: { readonly reader?: boolean } = {}): Executor {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  // A new database gets 16 KiB pages (an existing one keeps its own): a credit record is
  // about 1.3 KB with its version, and an import of a million of them writes ~3 GB. Against
  // 4 KiB pages that is a third less b-tree work and a checkpoint half as long.
  database.pragma('page_size = 16384');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  database.pragma(`cache_size = -${CACHE_KIB}`);
  if (options.reader) {
    database.pragma('query_only = ON');
    cacheStatements(database);
    return new Kysely({ dialect: new SqliteDialect({ database }) });
  }
  // Planner statistics, sampled (analysis_limit) so a large file costs well under a second: as SQLite
  // recommends for a long-lived connection, on open; then after bulk writes and hourly (`optimize`).
  database.pragma('analysis_limit = 1000');
  database.pragma('optimize = 0x10002');
  cacheStatements(database);
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; preparing costs more than running a
 * look-up by key. Caching statements by their SQL text (LRU) puts the
 * platform's point queries close to a hand-held prepared statement. Safe
 * because Kysely serialises use of the one connection.
 */
function cacheStatements(database: Database.Database): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      const eachRow = EACH_ROW.exec(source);
      statement = eachRow
        ? eachRowStatement(prepare(source.slice(eachRow[0].length)), Number(eachRow[1]))
        : prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof database.prepare;
}

/**
 * A one-row statement given a list of rows' values (`insertRows` marks it):
 * run once per row, with no statement journal (see insertRows).
 */
function eachRowStatement(one: Database.Statement, width: number): Database.Statement {
  const run = (rows: readonly unknown[]): Database.RunResult => {
    let changes = 0;
    let lastInsertRowid: number | bigint = 0;
    for (const values of rows) {
      if (!Array.isArray(values) || values.length !== width) {
        throw new Error(`insertRows: a row must be an array of ${width} values`);
      }
      const result = one.run(values);
      changes += result.changes;
      lastInsertRowid = result.lastInsertRowid;
    }
    return { changes, lastInsertRowid };
  };
  return { reader: false, run } as unknown as Database.Statement;
}

/** Bulk writes in progress per database (see `withBulkWrite`). */
const bulkWriters = new WeakMap<Executor, number>();

const subsetSuffix = (subset?: RowSubset) => (subset ? `_${subset.column}${Number(subset.value)}` : '');
const ftsName = (table: string, column: string, subset?: RowSubset) => `${table}_${column}${subsetSuffix(subset)}_fts`;
const bigramName = (table: string, column: string, subset?: RowSubset) =>
  `${table}_${column}${subsetSuffix(subset)}_bigram`;

/** Bigram keys pack two code points into one integer; the last character pairs with 0. */
const CODE_SPACE = 0x110000;
/** Longest text the bigram index covers (the numbers table's size). */
const MAX_INDEXED_LENGTH = 512;

const bigramKey = (a: string, b: string | undefined) =>
  a.toLowerCase().codePointAt(0)! * CODE_SPACE + (b === undefined ? 0 : b.toLowerCase().codePointAt(0)!);

/**
 * Substring search on SQLite uses two indexes, both kept in step by triggers:
 * FTS5 `trigram` answers terms of three characters or more; a bigram table
 * (two code points packed in one integer key) answers one- and two-character
 * terms, which trigrams cannot — and two-character brand names are what
 * people type most (华为, 联想, 百度).
 */
export const sqliteHelpers: DialectHelpers = {
  dialect: 'sqlite',
  supportsSkipLocked: false,
  autoIncrementType: 'integer',

  async prepare() {},

  /**
   * A million-row import writes ~3 GB through indexes whose pages land all
   * over the file (records by subject, by end of publication); with 64 MiB of
   * cache it spends a quarter of its time evicting and re-reading them, with
   * 128 MiB it scales linearly. Writers overlapping on the one connection
   * share the larger cache until the last one finishes.
   */
  async withBulkWrite(db, fn) {
    // `db` is the database's root executor: the one connection's pragmas are what change.
    const writers = (bulkWriters.get(db) ?? 0) + 1;
    bulkWriters.set(db, writers);
    if (writers === 1) await sql.raw(`PRAGMA cache_size = -${BULK_CACHE_KIB}`).execute(db);
    try {
      return await fn();
    } finally {
      const left = bulkWriters.get(db)! - 1;
      bulkWriters.set(db, left);
      // A database closed meanwhile has no cache to shrink; the outcome of `fn` is what matters.
      if (left === 0)
        await sql
          .raw(`PRAGMA cache_size = -${CACHE_KIB}`)
          .execute(db)
          .then(() => sqliteHelpers.optimize(db))
          .catch(() => undefined);
    }
  },

  async optimize(db) {
    await sql.raw('PRAGMA optimize').execute(db);
  },

  async currentSchema() {
    return undefined;
  },

  async createSubstringIndex(db, table, column, subset) {
    const fts = ftsName(table, column, subset);
    const bigram = bigramName(table, column, subset);
    // `ref` (new, old or the table) is in the subset: a condition on the statements of a trigger.
    const member = (ref: string) => (subset ? ` AND ${ref}.${subset.column} = ${Number(subset.value)}` : '');
    // External-content FTS keyed by the table's INTEGER PRIMARY KEY (a stable
    // rowid alias, so VACUUM cannot desynchronise it).
    await sql
      .raw(
        `CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='id', tokenize='trigram case_sensitive 0')`,
      )
      .execute(db);
    await sql.raw(`CREATE TABLE IF NOT EXISTS xy_numbers (n INTEGER PRIMARY KEY)`).execute(db);
    await sql
      .raw(`INSERT OR IGNORE INTO xy_numbers (n) SELECT value FROM generate_series(1, ${MAX_INDEXED_LENGTH})`)
      .execute(db)
      .catch(async () => {
        // generate_series is an extension some SQLite builds leave out.
        for (let n = 1; n <= MAX_INDEXED_LENGTH; n++)
          await sql`INSERT OR IGNORE INTO xy_numbers (n) VALUES (${n})`.execute(db);
      });
    await sql
      .raw(`CREATE TABLE ${bigram} (k INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (k, id)) WITHOUT ROWID`)
      .execute(db);
    const insertBigrams = (ref: string, from = '') =>
      `INSERT OR IGNORE INTO ${bigram} (k, id)
         SELECT unicode(substr(lower(${ref}.${column}), x.n, 1)) * ${CODE_SPACE}
                + coalesce(unicode(substr(lower(${ref}.${column}), x.n + 1, 1)), 0), ${ref}.id
         FROM xy_numbers x${from} WHERE x.n <= length(${ref}.${column})${member(ref)};`;
    const deleteBigrams = (ref: string) => `DELETE FROM ${bigram} WHERE id = ${ref}.id${member(ref)};`;
    const deleteFts = `INSERT INTO ${fts}(${fts}, rowid, ${column}) SELECT 'delete', old.id, old.${column} WHERE 1${member('old')};`;
    const insertFts = `INSERT INTO ${fts}(rowid, ${column}) SELECT new.id, new.${column} WHERE 1${member('new')};`;
    // The rows already there (none when the table is new).
    await sql
      .raw(`INSERT INTO ${fts}(rowid, ${column}) SELECT t.id, t.${column} FROM ${table} t WHERE 1${member('t')}`)
      .execute(db);
    await sql.raw(insertBigrams('t', `, ${table} t`)).execute(db);
    await sql
      .raw(`CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN ${insertFts} ${insertBigrams('new')} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} BEGIN ${deleteFts} ${deleteBigrams('old')} END`)
      .execute(db);
    // A row can also enter or leave the subset.
    const updated = subset ? `${column}, ${subset.column}` : column;
    await sql
      .raw(
        `CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${updated} ON ${table} BEGIN ${deleteFts} ${deleteBigrams('old')} ${insertFts} ${insertBigrams('new')} END`,
      )
      .execute(db);
  },

  async dropSubstringIndex(db, table, column, subset) {
    const fts = ftsName(table, column, subset);
    for (const suffix of ['ai', 'ad', 'au']) await sql.raw(`DROP TRIGGER IF EXISTS ${fts}_${suffix}`).execute(db);
    await sql.raw(`DROP TABLE IF EXISTS ${fts}`).execute(db);
    await sql.raw(`DROP TABLE IF EXISTS ${bigramName(table, column, subset)}`).execute(db);
  },

  substringMatches(table, column, term, subset) {
    const chars = [...term];
    if (chars.length >= 3) {
      const fts = sql.table(ftsName(table, column, subset));
      const phrase = `"${term.replaceAll('"', '""')}"`;
      return sql<{ match_id: number }>`(SELECT rowid AS match_id FROM ${fts} WHERE ${fts} MATCH ${phrase})`;
    }
    const bigram = sql.table(bigramName(table, column, subset));
    if (chars.length === 2) {
      return sql<{
        match_id: number;
      }>`(SELECT id AS match_id FROM ${bigram} WHERE k = ${bigramKey(chars[0]!, chars[1])})`;
    }
    const low = bigramKey(chars[0] ?? ' ', undefined);
    return sql<{
      match_id: number;
    }>`(SELECT DISTINCT id AS match_id FROM ${bigram} WHERE k >= ${low} AND k < ${low + CODE_SPACE})`;
  },
};

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DialectHelpers, Executor } from './types';
import { escapeLike } from './like';

/** Opens the SQLite file in WAL mode with the pragmas the platform relies on. */
export function openSqlite(file: string): Executor {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  database.pragma('cache_size = -65536');
  return new Kysely({ dialect: new SqliteDialect({ database }) });
}

const ftsName = (table: string, column: string) => `${table}_${column}_fts`;

/** FTS5 `trigram` matches substrings of three characters or more through the index. */
const TRIGRAM_MIN = 3;

export const sqliteHelpers: DialectHelpers = {
  dialect: 'sqlite',
  supportsSkipLocked: false,
  autoIncrementType: 'integer',

  async prepare() {},

  async createSubstringIndex(db, table, column) {
    const fts = ftsName(table, column);
    // External-content FTS keyed by the table's INTEGER PRIMARY KEY (a stable
    // rowid alias, so VACUUM cannot desynchronise it); triggers keep it in step.
    await sql
      .raw(
        `CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='id', tokenize='trigram case_sensitive 0')`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN
           INSERT INTO ${fts}(rowid, ${column}) VALUES (new.id, new.${column});
         END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} BEGIN
           INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
         END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${column} ON ${table} BEGIN
           INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.id, old.${column});
           INSERT INTO ${fts}(rowid, ${column}) VALUES (new.id, new.${column});
         END`,
      )
      .execute(db);
  },

  async dropSubstringIndex(db, table, column) {
    const fts = ftsName(table, column);
    for (const suffix of ['ai', 'ad', 'au']) await sql.raw(`DROP TRIGGER IF EXISTS ${fts}_${suffix}`).execute(db);
    await sql.raw(`DROP TABLE IF EXISTS ${fts}`).execute(db);
  },

  containsSubstring(table, column, term) {
    if ([...term].length >= TRIGRAM_MIN) {
      const phrase = `"${term.replaceAll('"', '""')}"`;
      return sql<boolean>`${sql.ref(`${table}.id`)} IN (SELECT rowid FROM ${sql.table(ftsName(table, column))} WHERE ${sql.table(ftsName(table, column))} MATCH ${phrase})`;
    }
    // Shorter terms cannot use trigrams: a scan, bounded by the caller's LIMIT.
    return sql<boolean>`${sql.ref(`${table}.${column}`)} LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`;
  },
};

import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DialectHelpers, Executor } from './types';
import { escapeLike } from './like';

// COUNT(*) and other int8 values arrive as strings by default; every integer
// the platform stores fits in a double, so parse them as numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export interface PostgresOptions {
  readonly connectionString: string;
  /** Schema to work in (tests isolate each file in its own schema). */
  readonly schema?: string;
  readonly max?: number;
}

export function openPostgres(options: PostgresOptions): Executor {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

const indexName = (table: string, column: string) => `${table}_${column}_trgm`;

/** Substring search on PostgreSQL: ILIKE over a pg_trgm GIN index. */
export const postgresHelpers: DialectHelpers = {
  dialect: 'postgres',
  supportsSkipLocked: true,
  autoIncrementType: 'bigserial',

  withBulkWrite: (_db, fn) => fn(),

  async optimize() {},

  async currentSchema(db) {
    const result = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    return result.rows[0]?.schema;
  },

  async prepare(db) {
    // The extension is database-wide; concurrent first runs may race to create it.
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`.execute(db);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  },

  async createSubstringIndex(db, table, column) {
    await sql
      .raw(`CREATE INDEX ${indexName(table, column)} ON ${table} USING gin (${column} public.gin_trgm_ops)`)
      .execute(db);
  },

  async dropSubstringIndex(db, table, column) {
    await sql.raw(`DROP INDEX IF EXISTS ${indexName(table, column)}`).execute(db);
  },

  substringMatches(table, column, term) {
    return sql<{
      match_id: number;
    }>`(SELECT id AS match_id FROM ${sql.table(table)} WHERE ${sql.ref(column)} ILIKE ${`%${escapeLike(term)}%`} ESCAPE '\\')`;
  },
};

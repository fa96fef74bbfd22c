import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DialectHelpers, RowSubset, Executor } from './types';
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

const indexName = (table: string, column: string, subset?: RowSubset) =>
  `${table}_${column}${subset ? `_${subset.column}${subset.value}` : ''}_trgm`;

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

  async createSubstringIndex(db, table, column, subset) {
    // A partial index: the planner uses it for a query that repeats its condition (substringMatches does).
    const where = subset ? ` WHERE ${subset.column} = ${Number(subset.value)}` : '';
    await sql
      .raw(
        `CREATE INDEX ${indexName(table, column, subset)} ON ${table} USING gin (${column} public.gin_trgm_ops)${where}`,
      )
      .execute(db);
  },

  async dropSubstringIndex(db, table, column, subset) {
    await sql.raw(`DROP INDEX IF EXISTS ${indexName(table, column, subset)}`).execute(db);
  },

  substringMatches(table, column, term, subset) {
    const inSubset = subset ? sql` AND ${sql.ref(subset.column)} = ${sql.lit(Number(subset.value))}` : sql``;
    return sql<{
      match_id: number;
    }>`(SELECT id AS match_id FROM ${sql.table(table)} WHERE ${sql.ref(column)} ILIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'${inSubset})`;
  },
};

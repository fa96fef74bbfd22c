/**
 * platform/db: opening the database, the dialect seam, migrations and driver
 * error translation. Module code imports from here only.
 */
import type { Config } from '../config';
import { openPostgres } from './postgres';
import { openSqlite, sqliteHelpers } from './sqlite';
import { postgresHelpers } from './postgres';
import { translateDbError } from './errors';
import { registerDialect } from './dialect-of';
import type { Db, Dialect, DialectHelpers, Executor } from './types';

export type { Db, Dialect, DialectHelpers, Executor, RowSubset } from './types';
export { tables } from './types';
export { ConstraintViolation, isUniqueViolation, translateDbError } from './errors';
export { migrateToLatest, type MigrationSet, type ModuleMigration } from './migrator';
export { escapeLike } from './like';
export { precompiled } from './precompiled';
export { insertRows } from './insert-rows';
export { dialectOf } from './dialect-of';

export function helpersFor(dialect: Dialect): DialectHelpers {
  return dialect === 'postgres' ? postgresHelpers : sqliteHelpers;
}

function wrap(dialect: Dialect, kysely: Executor): Db {
  registerDialect(kysely, dialect);
  return {
    dialect,
    kysely,
    helpers: helpersFor(dialect),
    async transaction(fn) {
      try {
        return await kysely.transaction().execute((tx) => {
          registerDialect(tx, dialect);
          return fn(tx);
        });
      } catch (error) {
        throw translateDbError(error);
      }
    },
    close: () => kysely.destroy(),
  };
}

/** Opens the configured database: the SQLite file, or PostgreSQL when DATABASE_URL says so. */
export function openDatabase(
  config: Pick<Config, 'dialect' | 'databaseUrl' | 'sqlitePath'> & { pgSchema?: string | null },
  schema?: string,
  options: { readonly reader?: boolean } = {},
): Db {
  if (config.dialect === 'postgres') {
    const inSchema = schema ?? config.pgSchema ?? undefined;
    return wrap(
      'postgres',
      openPostgres({ connectionString: config.databaseUrl!, ...(inSchema ? { schema: inSchema } : {}) }),
    );
  }
  return wrap('sqlite', openSqlite(config.sqlitePath, options));
}

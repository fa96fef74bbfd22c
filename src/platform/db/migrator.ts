import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DialectHelpers, Executor } from './types';

/** A module's migration: given the helpers so dialect-specific DDL stays in the seam. */
export interface ModuleMigration {
  up(db: Executor, helpers: DialectHelpers): Promise<void>;
  down?(db: Executor, helpers: DialectHelpers): Promise<void>;
}

/**
 * Migrations are named `<YYYYMMDDHHmm>_<module>_<what>` and run in name order
 * across all modules, so a module can depend on tables of modules before it.
 */
export type MigrationSet = Readonly<Record<string, ModuleMigration>>;

class SetProvider implements MigrationProvider {
  constructor(
    private readonly set: MigrationSet,
    private readonly helpers: DialectHelpers,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(this.set)) {
      out[name] = {
        up: (db) => migration.up(db, this.helpers),
        ...(migration.down ? { down: (db: Executor) => migration.down!(db, this.helpers) } : {}),
      };
    }
    return out;
  }
}

export interface MigrationOutcome {
  readonly applied: string[];
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(
  db: Executor,
  helpers: DialectHelpers,
  set: MigrationSet,
  /** The PostgreSQL schema in use, when not the default (tests isolate each file in one). */
  schema?: string,
): Promise<MigrationOutcome> {
  await helpers.prepare(db);
  // Kysely looks for its own tables in every schema unless told which one;
  // another application's migration tables elsewhere must not count.
  schema ??= await helpers.currentSchema(db);
  const migrator = new Migrator({
    db,
    provider: new SetProvider(set, helpers),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

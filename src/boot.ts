import { loadConfig, type Config } from './platform/config';
import { migrateToLatest, openDatabase, type MigrationSet } from './platform/db';
import { createLogger } from './platform/logging';
import type { AppDeps } from './platform/module';
import { auditMigrations } from './platform/audit';
import { jobsMigrations } from './platform/jobs';
import { modules } from './modules/registry';
import type { ReadTasks } from './platform/readers';

/** Every migration of the platform and its modules, in name order. */
export function allMigrations(): MigrationSet {
  const set: Record<string, MigrationSet[string]> = { ...auditMigrations, ...jobsMigrations };
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (set[name]) throw new Error(`Duplicate migration name ${name} in module ${m.name}`);
      set[name] = migration;
    }
  }
  return set;
}

/** Every module's read tasks (platform/readers), by name. */
export function allReadTasks(): ReadTasks {
  const tasks: Record<string, ReadTasks[string]> = {};
  for (const m of modules) {
    for (const [name, task] of Object.entries(m.readTasks ?? {})) {
      if (tasks[name]) throw new Error(`Duplicate read task ${name} in module ${m.name}`);
      tasks[name] = task;
    }
  }
  return tasks;
}

export interface BootOptions {
  readonly config?: Partial<Config>;
  /** PostgreSQL schema to work in (tests). */
  readonly schema?: string;
  readonly logLevel?: string;
}

/** Opens and migrates the database and loads reference data: ready for serve, CLI or tests. */
export async function boot(options: BootOptions = {}): Promise<AppDeps> {
  const config = loadConfig(options.config);
  const logger = createLogger(options.logLevel ?? config.logLevel);
  const db = openDatabase(config, options.schema);
  try {
    await migrateToLatest(db.kysely, db.helpers, allMigrations(), options.schema);
    const deps: AppDeps = { config, db, logger };
    for (const m of modules) await m.seed?.(deps);
    return deps;
  } catch (error) {
    await db.close();
    throw error;
  }
}

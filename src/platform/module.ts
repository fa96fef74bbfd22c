import type { Command } from 'commander';
import type { Config } from './config';
import type { Db, MigrationSet } from './db';
import type { HttpServer } from './http';
import type { Logger } from './logging';
import type { ReadTasks, Reads } from './readers';

/** What a running platform hands to every module. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly logger: Logger;
  /** Runs the modules' read tasks: on reader threads when the server has them (platform/readers). */
  readonly reads?: Reads;
}

/** Opens the database (migrated) for a CLI command; the caller closes `deps.db`. */
export type Boot = () => Promise<AppDeps>;

/**
 * The shape every module exposes from its index.ts: its migrations, its HTTP
 * routes (mounted under /api/v1), its CLI commands and its reference data.
 */
export interface XinyongModule {
  readonly name: string;
  readonly migrations?: MigrationSet;
  /** Mounted inside a plugin with prefix `/api/v1`. */
  registerRoutes?(app: HttpServer, deps: AppDeps): Promise<void> | void;
  registerCommands?(program: Command, boot: Boot): void;
  /** Idempotent reference data (departments, catalog, calendar) loaded at every migrate. */
  seed?(deps: AppDeps): Promise<void>;
  /** Runs once per request before routes: used by identity to resolve the actor. */
  registerHooks?(app: HttpServer, deps: AppDeps): Promise<void> | void;
  /** Public reads that may run on a reader thread, by name (`module.read`); routes call them through `deps.reads`. */
  readonly readTasks?: ReadTasks;
}

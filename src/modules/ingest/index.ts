/**
 * ingest: how departments hand records to the platform — JSON API (single and
 * batch, with Idempotency-Key), CSV/XLSX upload, the `xinyong import` CLI —,
 * validation against the catalog item's version, per-row errors with a
 * downloadable report, templates, and atomic, idempotent batches written
 * through the records module.
 */
import type { XinyongModule } from '../../platform/module';
import { ingestMigrations } from './ingest.migrations';
import { ingestRoutes } from './ingest.routes';
import { ingestCommands } from './ingest.command';
import { registerIngestStatsRoutes } from './ingest.stats';

export const ingestModule: XinyongModule = {
  name: 'ingest',
  migrations: ingestMigrations,
  registerRoutes(app, deps) {
    ingestRoutes(app, deps);
    registerIngestStatsRoutes(app, deps);
  },
  registerCommands: ingestCommands,
};

export {
  runBatch,
  presentBatch,
  todayInShanghai,
  type BatchRequest,
  type BatchResult,
  type BatchMode,
} from './ingest.service';
/** One row's validation against an item (the same rules as every channel). */
export { validateRow as validateRecord, type ValidationContext } from './core';

/**
 * catalog: the collection catalog (归集目录, plan C1) and the sharing catalog
 * (共享目录, C2). Owns catalog items, their versions (each with its generated
 * JSON Schema), the national categories and the sharing entries. Nothing
 * outside the catalog may enter a credit record: ingestion validates against
 * `getCatalogItem(...)` / the stored schema, and records keep the version they
 * were validated against.
 */
import type { XinyongModule } from '../../platform/module';
import { registerCatalogCommands } from './catalog.command';
import { catalogMigrations } from './catalog.migrations';
import { registerCatalogRoutes } from './catalog.routes';
import { seedCatalog } from './catalog.seed';

export const catalogModule: XinyongModule = {
  name: 'catalog',
  migrations: catalogMigrations,
  registerRoutes: registerCatalogRoutes,
  registerCommands: registerCatalogCommands,
  async seed(deps) {
    await seedCatalog(deps.db);
  },
};

export {
  getCatalogItem,
  getCatalogItemSchema,
  listCatalogItems,
  listCatalogCategories,
  listCatalogSummaries,
  listCatalogVersions,
  createCatalogItem,
  updateCatalogItem,
  retireCatalogItem,
  updateCatalogSharing,
  defaultSharingFor,
  definitionOf,
} from './catalog.service';
export { exportCatalog, importCatalog, type ImportReport, type ImportOutcome } from './catalog.transfer';
export { jsonSchemaFor, JSON_SCHEMA_DIALECT, type JsonSchema } from './catalog.json-schema';
export { validateDefinition, type DefinitionContext } from './catalog.validate';
export { breakingChanges, type BreakingChange, type BreakingChangeKind } from './catalog.breaking';
export { registerCatalogUsage, type CatalogUsageCounter } from './catalog.usage';
export { type CatalogDocument, CATALOG_DOCUMENT_FORMAT, CATALOG_DOCUMENT_FORMAT_VERSION } from './catalog.definition';
export {
  CATALOG_CATEGORIES,
  PENALTY_KINDS,
  COUNTERPART_KINDS,
  LICENCE_KINDS,
  ID_DOCUMENT_TYPES,
  LICENCE_STATUSES,
  MULTI_VALUE_SEPARATORS,
  OPEN_END_DATE,
  DISCLOSURE_LABELS,
  COLLECTION_METHOD_LABELS,
  UPDATE_FREQUENCY_LABELS,
  SHARING_TYPE_LABELS,
  SHARING_METHOD_LABELS,
} from './catalog.dictionaries';
export {
  FIELD_TYPES,
  DISCLOSURES,
  COLLECTION_METHODS,
  UPDATE_FREQUENCIES,
  SHARING_TYPES,
  SHARING_METHODS,
  type CatalogItemDefinition,
  type CatalogItem,
  type CatalogItemSummary,
  type CatalogVersionSummary,
  type CatalogCategory,
  type CatalogField,
  type FieldType,
  type FieldCondition,
  type DictionaryValue,
  type Disclosure,
  type PeriodRule,
  type PenaltyRegime,
  type PeriodClass,
  type PenaltyClass,
  type SharingEntry,
  type SharingType,
  type SharingMethod,
  type CollectionMethod,
  type UpdateFrequency,
  type ItemStatus,
} from './catalog.types';

/** The only SQL of the catalog module. */
import { sql } from 'kysely';
import { escapeLike, precompiled, tables, type Executor } from '../../platform/db';

export interface CatalogCategoriesTable {
  code: string;
  seq: number;
  name_zh: string;
  name_en: string;
}

export interface CatalogItemsTable {
  code: string;
  id: string;
  name_zh: string;
  name_en: string;
  category: string;
  disclosure: string;
  status: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogItemVersionsTable {
  item_code: string;
  version: number;
  status: string;
  definition: string;
  sharing: string;
  json_schema: string;
  change_kind: string;
  change_note: string | null;
  created_at: string;
  created_by: string;
  actor_id: string | null;
}

export interface CatalogTables {
  catalog_categories: CatalogCategoriesTable;
  catalog_items: CatalogItemsTable;
  catalog_item_versions: CatalogItemVersionsTable;
}

const catalogDb = (executor: Executor) => tables<CatalogTables>(executor);

export type ItemRow = CatalogItemsTable;
export type VersionRow = CatalogItemVersionsTable;
export type VersionSummaryRow = Omit<VersionRow, 'definition' | 'sharing' | 'json_schema'>;

/** Adds the categories that are missing; never changes an existing one. */
export async function insertMissingCategories(
  executor: Executor,
  categories: readonly CatalogCategoriesTable[],
): Promise<void> {
  if (categories.length === 0) return;
  await catalogDb(executor)
    .insertInto('catalog_categories')
    .values([...categories])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export function listCategoryRows(executor: Executor): Promise<CatalogCategoriesTable[]> {
  return catalogDb(executor).selectFrom('catalog_categories').selectAll().orderBy('seq').orderBy('code').execute();
}

export function findItemRow(executor: Executor, code: string): Promise<ItemRow | undefined> {
  return catalogDb(executor).selectFrom('catalog_items').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listItemCodes(executor: Executor): Promise<Set<string>> {
  const rows = await catalogDb(executor).selectFrom('catalog_items').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

export interface ItemFilter {
  readonly category?: string | undefined;
  readonly status?: string | undefined;
  /** Substring of the code or either name (Latin letters case-insensitive). */
  readonly q?: string | undefined;
}

/** Item head rows in national category order, then by code. */
export function listItemRows(executor: Executor, filter: ItemFilter = {}): Promise<ItemRow[]> {
  let query = catalogDb(executor)
    .selectFrom('catalog_items')
    .leftJoin('catalog_categories', 'catalog_categories.code', 'catalog_items.category')
    .selectAll('catalog_items')
    .orderBy('catalog_categories.seq')
    .orderBy('catalog_items.code');
  if (filter.category) query = query.where('catalog_items.category', '=', filter.category);
  if (filter.status) query = query.where('catalog_items.status', '=', filter.status);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    // The catalog holds tens of items, not millions: a scan is the right plan.
    query = query.where(
      sql<boolean>`(lower(catalog_items.code) LIKE ${pattern} ESCAPE '\\'
        OR lower(catalog_items.name_zh) LIKE ${pattern} ESCAPE '\\'
        OR lower(catalog_items.name_en) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return query.execute();
}

export async function insertItemRow(executor: Executor, row: ItemRow): Promise<void> {
  await catalogDb(executor).insertInto('catalog_items').values(row).execute();
}

/**
 * Moves the head to the next version only if it is still at `fromVersion`, so
 * two concurrent writers cannot both make version N+1; true when it moved.
 */
export async function advanceItemRow(
  executor: Executor,
  code: string,
  fromVersion: number,
  patch: Pick<ItemRow, 'name_zh' | 'name_en' | 'category' | 'disclosure' | 'status' | 'updated_at'>,
): Promise<boolean> {
  const result = await catalogDb(executor)
    .updateTable('catalog_items')
    .set({ ...patch, current_version: fromVersion + 1 })
    .where('code', '=', code)
    .where('current_version', '=', fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertVersionRow(executor: Executor, row: VersionRow): Promise<void> {
  await catalogDb(executor).insertInto('catalog_item_versions').values(row).execute();
}

export function findVersionRow(executor: Executor, code: string, version: number): Promise<VersionRow | undefined> {
  return catalogDb(executor)
    .selectFrom('catalog_item_versions')
    .selectAll()
    .where('item_code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function listVersionSummaryRows(executor: Executor, code: string): Promise<VersionSummaryRow[]> {
  return catalogDb(executor)
    .selectFrom('catalog_item_versions')
    .select(['item_code', 'version', 'status', 'change_kind', 'change_note', 'created_at', 'created_by', 'actor_id'])
    .where('item_code', '=', code)
    .orderBy('version', 'desc')
    .execute();
}

/**
 * Where the committed catalog stands: item count, the sum of current
 * versions and the last change. Heads only move forward and items are never
 * deleted, so every committed change gives a new signature.
 */
const headsSignatureQuery = precompiled((executor) =>
  catalogDb(executor)
    .selectFrom('catalog_items')
    .select((eb) => [
      eb.fn.countAll<number>().as('items'),
      eb.fn.sum<number>('current_version').as('versions'),
      eb.fn.max('updated_at').as('changed'),
    ]),
);

export async function headsSignature(executor: Executor): Promise<string> {
  const [row] = await headsSignatureQuery(executor);
  return `${Number(row?.items ?? 0)}:${Number(row?.versions ?? 0)}:${row?.changed ?? ''}`;
}

/** The current version of every item, in national category order, then by code (without the JSON Schema text). */
export function listCurrentVersionRows(executor: Executor): Promise<Omit<VersionRow, 'json_schema'>[]> {
  return catalogDb(executor)
    .selectFrom('catalog_items')
    .innerJoin('catalog_item_versions', (join) =>
      join
        .onRef('catalog_item_versions.item_code', '=', 'catalog_items.code')
        .onRef('catalog_item_versions.version', '=', 'catalog_items.current_version'),
    )
    .leftJoin('catalog_categories', 'catalog_categories.code', 'catalog_items.category')
    .select([
      'catalog_item_versions.item_code',
      'catalog_item_versions.version',
      'catalog_item_versions.status',
      'catalog_item_versions.definition',
      'catalog_item_versions.sharing',
      'catalog_item_versions.change_kind',
      'catalog_item_versions.change_note',
      'catalog_item_versions.created_at',
      'catalog_item_versions.created_by',
      'catalog_item_versions.actor_id',
    ])
    .orderBy('catalog_categories.seq')
    .orderBy('catalog_items.code')
    .execute();
}

/**
 * Catalog items and their versions: reading any version, creating, updating,
 * retiring and changing the sharing entry. Each change writes a new version
 * (definition, sharing, generated JSON Schema) and an audit entry in one
 * transaction; nothing is ever overwritten.
 */
import { appendAudit } from '../../platform/audit';
import { hasPermission, type Caller } from '../../platform/context';
import type { Db, Executor } from '../../platform/db';
import { forbidden } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { listDepartments } from '../identity';
import { breakingChanges, type BreakingChange } from './catalog.breaking';
import {
  breakingChange,
  codeMismatch,
  concurrentChange,
  itemExists,
  itemNotFound,
  itemRetired,
  versionNotFound,
} from './catalog.errors';
import { jsonSchemaFor, type JsonSchema } from './catalog.json-schema';
import {
  advanceItemRow,
  findItemRow,
  findVersionRow,
  headsSignature,
  insertItemRow,
  insertVersionRow,
  listCategoryRows,
  listCurrentVersionRows,
  listItemRows,
  listVersionSummaryRows,
  type ItemFilter,
  type ItemRow,
  type VersionRow,
} from './catalog.repository';
import { countCatalogUsage } from './catalog.usage';
import { parseDefinition, parseSharing, type DefinitionContext } from './catalog.validate';
import type {
  CatalogCategory,
  CatalogItem,
  CatalogItemDefinition,
  CatalogItemSummary,
  CatalogVersionSummary,
  ChangeKind,
  Disclosure,
  ItemStatus,
  SharingEntry,
} from './catalog.types';

export const CATALOG_WRITE = 'catalog.write';

export function assertCanWrite(caller: Caller): void {
  if (!hasPermission(caller.actor, CATALOG_WRITE)) throw forbidden(CATALOG_WRITE);
}

/** JSON with sorted keys: equal definitions give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** C2 "share by default": what an item is shared as when its author says nothing. */
export function defaultSharingFor(disclosure: Disclosure): SharingEntry {
  if (disclosure === 'authorised') {
    return {
      type: 'conditional',
      condition: {
        zh: '依法履职需要，查询须说明用途并留痕',
        en: 'When needed for a statutory duty; each query states its purpose and is logged',
      },
      allDepartments: true,
      departments: [],
      roles: [],
      methods: ['online_query'],
    };
  }
  return {
    type: 'unconditional',
    condition: null,
    allDepartments: true,
    departments: [],
    roles: [],
    methods: ['online_query', 'bulk'],
  };
}

/**
 * Parsed definitions, by item and version, kept while the stored text is the
 * same: the public pages read every current item on each request, and
 * parsing them again was most of an entity page's cost. Checked against the
 * row's text, so a changed row (or another database in the same process) is
 * parsed anew; callers treat items as read-only.
 */
const parsedVersions = new Map<string, { definition: string; sharing: string; parsed: ParsedVersion }>();
interface ParsedVersion {
  readonly definition: CatalogItemDefinition;
  readonly sharing: SharingEntry;
}

function parseVersion(row: Pick<VersionRow, 'item_code' | 'version' | 'definition' | 'sharing'>): ParsedVersion {
  const key = `${row.item_code}@${row.version}`;
  const hit = parsedVersions.get(key);
  if (hit && hit.definition === row.definition && hit.sharing === row.sharing) return hit.parsed;
  const parsed = {
    definition: JSON.parse(row.definition) as CatalogItemDefinition,
    sharing: JSON.parse(row.sharing) as SharingEntry,
  };
  parsedVersions.set(key, { definition: row.definition, sharing: row.sharing, parsed });
  return parsed;
}

function toItem(row: Omit<VersionRow, 'json_schema'>, currentVersion: number): CatalogItem {
  const { definition, sharing } = parseVersion(row);
  return {
    ...definition,
    version: row.version,
    currentVersion,
    status: row.status as ItemStatus,
    sharing,
    changeKind: row.change_kind as ChangeKind,
    changeNote: row.change_note,
    versionCreatedAt: row.created_at,
    versionCreatedBy: row.created_by,
  };
}

/** The definition part of an item version (what a new version starts from). */
export function definitionOf(item: CatalogItem): CatalogItemDefinition {
  const {
    version: _version,
    currentVersion: _currentVersion,
    status: _status,
    sharing: _sharing,
    changeKind: _changeKind,
    changeNote: _changeNote,
    versionCreatedAt: _createdAt,
    versionCreatedBy: _createdBy,
    ...definition
  } = item;
  return definition;
}

/**
 * What submitted definitions are checked against: the categories in the
 * database and the departments the identity module knows.
 */
export async function validationContext(executor: Executor): Promise<DefinitionContext> {
  const categories = await listCategoryRows(executor);
  const departments = await listDepartments(executor, { includeInactive: true });
  return {
    categories: categories.map((c) => c.code),
    ...(departments.length > 0 ? { departments: departments.map((d) => d.code) } : {}),
  };
}

export interface VersionInput {
  readonly definition: CatalogItemDefinition;
  readonly sharing: SharingEntry;
  readonly status: ItemStatus;
  readonly changeKind: ChangeKind;
  readonly changeNote: string | null;
}

function versionRow(caller: Caller, version: number, input: VersionInput, at: string): VersionRow {
  return {
    item_code: input.definition.code,
    version,
    status: input.status,
    definition: JSON.stringify(input.definition),
    sharing: JSON.stringify(input.sharing),
    json_schema: JSON.stringify(jsonSchemaFor(input.definition, { version })),
    change_kind: input.changeKind,
    change_note: input.changeNote,
    created_at: at,
    created_by: caller.actor.name,
    actor_id: caller.actor.id,
  };
}

/** Inserts a new item at version 1 (inside the caller's transaction). */
export async function insertNewItem(tx: Executor, caller: Caller, input: VersionInput): Promise<CatalogItem> {
  const at = nowIso();
  const { definition } = input;
  await insertItemRow(tx, {
    code: definition.code,
    id: newId(),
    name_zh: definition.nameZh,
    name_en: definition.nameEn,
    category: definition.category,
    disclosure: definition.disclosure,
    status: input.status,
    current_version: 1,
    created_at: at,
    updated_at: at,
  });
  const row = versionRow(caller, 1, input, at);
  await insertVersionRow(tx, row);
  return toItem(row, 1);
}

/** Appends the next version of an existing item (inside the caller's transaction). */
export async function appendVersion(
  tx: Executor,
  caller: Caller,
  head: ItemRow,
  input: VersionInput,
): Promise<CatalogItem> {
  const at = nowIso();
  const { definition } = input;
  const moved = await advanceItemRow(tx, head.code, head.current_version, {
    name_zh: definition.nameZh,
    name_en: definition.nameEn,
    category: definition.category,
    disclosure: definition.disclosure,
    status: input.status,
    updated_at: at,
  });
  if (!moved) throw concurrentChange(head.code);
  const version = head.current_version + 1;
  const row = versionRow(caller, version, input, at);
  await insertVersionRow(tx, row);
  return toItem(row, version);
}

/**
 * The breaking changes from `before` to `after`; refused with 409
 * `catalog.breaking_change` when records already use the item.
 */
export async function guardBreakingChanges(
  tx: Executor,
  code: string,
  before: CatalogItemDefinition,
  after: CatalogItemDefinition,
): Promise<BreakingChange[]> {
  const changes = breakingChanges(before, after);
  if (changes.length === 0) return changes;
  const records = await countCatalogUsage(tx, code);
  if (records > 0) throw breakingChange(code, records, changes);
  return changes;
}

export async function headOrThrow(executor: Executor, code: string): Promise<ItemRow> {
  const head = await findItemRow(executor, code);
  if (!head) throw itemNotFound(code);
  return head;
}

export async function currentOf(executor: Executor, head: ItemRow): Promise<CatalogItem> {
  const row = await findVersionRow(executor, head.code, head.current_version);
  if (!row) throw versionNotFound(head.code, head.current_version);
  return toItem(row, head.current_version);
}

/** One version of an item (the current one by default); 404 when either is missing. */
export async function getCatalogItem(executor: Executor, code: string, version?: number): Promise<CatalogItem> {
  const head = await headOrThrow(executor, code);
  const row = await findVersionRow(executor, code, version ?? head.current_version);
  if (!row) throw versionNotFound(code, version ?? head.current_version);
  return toItem(row, head.current_version);
}

/**
 * The current items of each database (by its executor), kept while the
 * committed catalog has not changed: every public page reads them all, and
 * reading and assembling ~100 items was most of an entity page's database time.
 */
const currentItems = new WeakMap<Executor, { readonly signature: string; readonly items: readonly CatalogItem[] }>();

/** The current version of every item (active and retired), in national category order. */
export async function listCatalogItems(executor: Executor): Promise<readonly CatalogItem[]> {
  const load = async () => (await listCurrentVersionRows(executor)).map((row) => toItem(row, row.version));
  // Inside a transaction the caller may see its own uncommitted change: never kept.
  if (executor.isTransaction) return load();
  // The signature first: rows read after it are at least as new, and a newer signature reloads them.
  const signature = await headsSignature(executor);
  const kept = currentItems.get(executor);
  if (kept?.signature === signature) return kept.items;
  const items = Object.freeze(await load());
  currentItems.set(executor, { signature, items });
  return items;
}

export async function listCatalogSummaries(executor: Executor, filter: ItemFilter = {}): Promise<CatalogItemSummary[]> {
  return (await listItemRows(executor, filter)).map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    category: r.category,
    disclosure: r.disclosure as Disclosure,
    status: r.status as ItemStatus,
    currentVersion: r.current_version,
    updatedAt: r.updated_at,
  }));
}

export async function listCatalogVersions(executor: Executor, code: string): Promise<CatalogVersionSummary[]> {
  await headOrThrow(executor, code);
  return (await listVersionSummaryRows(executor, code)).map((r) => ({
    version: r.version,
    status: r.status as ItemStatus,
    changeKind: r.change_kind as ChangeKind,
    changeNote: r.change_note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

/** The JSON Schema stored with a version: what records of that version were validated against. */
export async function getCatalogItemSchema(executor: Executor, code: string, version?: number): Promise<JsonSchema> {
  const head = await headOrThrow(executor, code);
  const row = await findVersionRow(executor, code, version ?? head.current_version);
  if (!row) throw versionNotFound(code, version ?? head.current_version);
  return JSON.parse(row.json_schema) as JsonSchema;
}

export async function listCatalogCategories(executor: Executor): Promise<CatalogCategory[]> {
  return (await listCategoryRows(executor)).map((c) => ({
    code: c.code,
    seq: c.seq,
    nameZh: c.name_zh,
    nameEn: c.name_en,
  }));
}

export interface CreateItemInput {
  readonly definition: unknown;
  /** Defaults to "share by default" for the item's disclosure. */
  readonly sharing?: unknown;
  readonly changeNote?: string | null | undefined;
}

/** Creates an item at version 1; 409 when the code exists. */
export async function createCatalogItem(db: Db, caller: Caller, input: CreateItemInput): Promise<CatalogItem> {
  assertCanWrite(caller);
  return db.transaction(async (tx) => {
    const context = await validationContext(tx);
    const definition = parseDefinition(input.definition, context);
    const sharing =
      input.sharing !== undefined
        ? parseSharing(input.sharing, context, 'sharing')
        : defaultSharingFor(definition.disclosure);
    if (await findItemRow(tx, definition.code)) throw itemExists(definition.code);
    const item = await insertNewItem(tx, caller, {
      definition,
      sharing,
      status: 'active',
      changeKind: 'create',
      changeNote: input.changeNote ?? null,
    });
    await appendAudit(tx, caller, {
      action: 'catalog.item.create',
      targetType: 'catalog_item',
      targetId: item.code,
      detail: { version: item.version },
    });
    return item;
  });
}

export interface UpdateItemInput {
  readonly definition: unknown;
  readonly changeNote: string;
}

/**
 * Makes the next version from a full definition. Returns the current version
 * unchanged when nothing differs; refuses changes that would invalidate
 * existing records.
 */
export async function updateCatalogItem(
  db: Db,
  caller: Caller,
  code: string,
  input: UpdateItemInput,
): Promise<CatalogItem> {
  assertCanWrite(caller);
  return db.transaction(async (tx) => {
    const head = await headOrThrow(tx, code);
    const definition = parseDefinition(input.definition, await validationContext(tx));
    if (definition.code !== code) throw codeMismatch(code, definition.code);
    if (head.status === 'retired') throw itemRetired(code);
    const current = await currentOf(tx, head);
    const before = definitionOf(current);
    if (canonicalJson(before) === canonicalJson(definition)) return current;
    const changes = await guardBreakingChanges(tx, code, before, definition);
    const item = await appendVersion(tx, caller, head, {
      definition,
      sharing: current.sharing,
      status: head.status as ItemStatus,
      changeKind: 'update',
      changeNote: input.changeNote,
    });
    await appendAudit(tx, caller, {
      action: 'catalog.item.update',
      targetType: 'catalog_item',
      targetId: code,
      detail: { version: item.version, breakingChanges: changes.map((c) => ({ kind: c.kind, field: c.field })) },
    });
    return item;
  });
}

/** Retires an item: no new records; existing ones and old versions stay readable. */
export async function retireCatalogItem(
  db: Db,
  caller: Caller,
  code: string,
  input: { readonly changeNote: string },
): Promise<CatalogItem> {
  assertCanWrite(caller);
  return db.transaction(async (tx) => {
    const head = await headOrThrow(tx, code);
    const current = await currentOf(tx, head);
    if (head.status === 'retired') return current;
    const item = await appendVersion(tx, caller, head, {
      definition: definitionOf(current),
      sharing: current.sharing,
      status: 'retired',
      changeKind: 'retire',
      changeNote: input.changeNote,
    });
    await appendAudit(tx, caller, {
      action: 'catalog.item.retire',
      targetType: 'catalog_item',
      targetId: code,
      detail: { version: item.version },
    });
    return item;
  });
}

/** Replaces the sharing entry (a new version); unchanged entries make no version. */
export async function updateCatalogSharing(
  db: Db,
  caller: Caller,
  code: string,
  input: { readonly sharing: unknown; readonly changeNote: string },
): Promise<CatalogItem> {
  assertCanWrite(caller);
  return db.transaction(async (tx) => {
    const head = await headOrThrow(tx, code);
    const sharing = parseSharing(input.sharing, await validationContext(tx));
    if (head.status === 'retired') throw itemRetired(code);
    const current = await currentOf(tx, head);
    if (canonicalJson(current.sharing) === canonicalJson(sharing)) return current;
    const item = await appendVersion(tx, caller, head, {
      definition: definitionOf(current),
      sharing,
      status: 'active',
      changeKind: 'sharing',
      changeNote: input.changeNote,
    });
    await appendAudit(tx, caller, {
      action: 'catalog.sharing.update',
      targetType: 'catalog_item',
      targetId: code,
      detail: { version: item.version, type: sharing.type },
    });
    return item;
  });
}

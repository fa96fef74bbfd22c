/**
 * The catalog as one JSON document: export every current item with its
 * sharing entry, import such a document all-or-nothing. An import creates
 * missing items, versions changed ones and leaves equal ones alone; one
 * refused item (a breaking change to an item with records, a change to a
 * retired item) rolls the whole import back.
 */
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import type { Caller } from '../../platform/context';
import type { Db, Executor } from '../../platform/db';
import { AppError, validationFailed, type FieldError, type LocalizedText } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { breakingChanges } from './catalog.breaking';
import {
  CATALOG_DOCUMENT_FORMAT,
  CATALOG_DOCUMENT_FORMAT_VERSION,
  catalogDocumentSchema,
  documentItemSchema,
  type CatalogDocument,
  type CatalogDocumentItem,
} from './catalog.definition';
import { findItemRow } from './catalog.repository';
import {
  appendVersion,
  assertCanWrite,
  canonicalJson,
  currentOf,
  definitionOf,
  insertNewItem,
  listCatalogItems,
  validationContext,
} from './catalog.service';
import type { ChangeKind } from './catalog.types';
import { countCatalogUsage } from './catalog.usage';
import { prefixFieldErrors, zodFieldErrors } from './catalog.field-errors';
import { definitionErrors, sharingErrors, type DefinitionContext } from './catalog.validate';

export type ImportOutcomeKind = 'created' | 'updated' | 'unchanged' | 'refused';

export interface ImportOutcome {
  readonly code: string;
  readonly outcome: ImportOutcomeKind;
  /** The version the item is at after the import (would be, when the import was refused). */
  readonly version: number | null;
  readonly reasons: LocalizedText[];
}

export interface ImportReport {
  /** False when any item was refused: then nothing was written. */
  readonly applied: boolean;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly refused: number;
  readonly items: ImportOutcome[];
}

/** Every current item (active and retired) with its sharing entry. */
export async function exportCatalog(executor: Executor): Promise<CatalogDocument> {
  const items = await listCatalogItems(executor);
  return {
    format: CATALOG_DOCUMENT_FORMAT,
    formatVersion: CATALOG_DOCUMENT_FORMAT_VERSION,
    exportedAt: nowIso(),
    items: items.map((item) => ({
      definition: definitionOf(item),
      sharing: item.sharing,
      status: item.status,
      version: item.version,
    })),
  };
}

/**
 * The document in canonical form, or `validation_failed` naming every bad path
 * (e.g. `items.2.definition.fields.0.type`). Items are checked one by one so
 * that a shape error in one item does not hide the problems of the others.
 */
export function parseCatalogDocument(input: unknown, context: DefinitionContext): CatalogDocument {
  const envelope = catalogDocumentSchema.extend({ items: z.array(z.unknown()).max(2000) }).safeParse(input);
  if (!envelope.success) throw validationFailed(zodFieldErrors(envelope.error.issues));
  const errors: FieldError[] = [];
  const items: CatalogDocumentItem[] = [];
  const seen = new Set<string>();
  envelope.data.items.forEach((raw, i) => {
    const at = `items.${i}`;
    const parsed = documentItemSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...zodFieldErrors(parsed.error.issues, at));
      return;
    }
    const entry = parsed.data;
    if (seen.has(entry.definition.code)) {
      errors.push({
        field: `${at}.definition.code`,
        code: 'duplicate',
        message: {
          zh: `文档中条目编码重复：${entry.definition.code}`,
          en: `duplicate item code: ${entry.definition.code}`,
        },
        value: entry.definition.code,
      });
    }
    seen.add(entry.definition.code);
    errors.push(...prefixFieldErrors(definitionErrors(entry.definition, context), `${at}.definition`));
    errors.push(...prefixFieldErrors(sharingErrors(entry.sharing, context), `${at}.sharing`));
    items.push(entry);
  });
  if (errors.length > 0) throw validationFailed(errors);
  return { ...envelope.data, items };
}

const importRefused = (report: ImportReport): AppError =>
  new AppError(
    'catalog.import_refused',
    409,
    {
      zh: `导入未执行：${report.refused} 个条目被拒绝（${report.items
        .filter((i) => i.outcome === 'refused')
        .map((i) => `${i.code}：${i.reasons.map((r) => r.zh).join('；')}`)
        .join('；')}）`,
      en: `Nothing imported: ${report.refused} item(s) refused (${report.items
        .filter((i) => i.outcome === 'refused')
        .map((i) => `${i.code}: ${i.reasons.map((r) => r.en).join('; ')}`)
        .join('; ')})`,
    },
    { details: { report } },
  );

const AUDIT_ACTIONS: Record<ChangeKind, string> = {
  create: 'catalog.item.create',
  update: 'catalog.item.update',
  retire: 'catalog.item.retire',
  sharing: 'catalog.sharing.update',
  seed: 'catalog.item.seed',
};

async function importItem(
  tx: Executor,
  caller: Caller,
  entry: CatalogDocumentItem,
  changeNote: string | null,
): Promise<ImportOutcome> {
  const { definition, sharing, status } = entry;
  const code = definition.code;
  const head = await findItemRow(tx, code);
  let changeKind: ChangeKind;
  let version: number;
  if (!head) {
    changeKind = 'create';
    version = (await insertNewItem(tx, caller, { definition, sharing, status, changeKind, changeNote })).version;
  } else {
    const current = await currentOf(tx, head);
    const before = definitionOf(current);
    const sameDefinition = canonicalJson(before) === canonicalJson(definition);
    const sameSharing = canonicalJson(current.sharing) === canonicalJson(sharing);
    if (sameDefinition && sameSharing && current.status === status) {
      return { code, outcome: 'unchanged', version: current.version, reasons: [] };
    }
    if (current.status === 'retired') {
      const reason = {
        zh: '该条目已停用，导入不能修改或重新启用它',
        en: 'the item is retired; an import cannot change or reactivate it',
      };
      return { code, outcome: 'refused', version: current.version, reasons: [reason] };
    }
    const changes = breakingChanges(before, definition);
    if (changes.length > 0) {
      const records = await countCatalogUsage(tx, code);
      if (records > 0) {
        const lead = {
          zh: `已有 ${records} 条记录，以下修改会使其失效`,
          en: `${records} records would be invalidated by`,
        };
        return {
          code,
          outcome: 'refused',
          version: current.version,
          reasons: [lead, ...changes.map((c) => c.message)],
        };
      }
    }
    changeKind = !sameDefinition ? 'update' : !sameSharing ? 'sharing' : 'retire';
    version = (await appendVersion(tx, caller, head, { definition, sharing, status, changeKind, changeNote })).version;
  }
  await appendAudit(tx, caller, {
    action: AUDIT_ACTIONS[changeKind],
    targetType: 'catalog_item',
    targetId: code,
    detail: { version, via: 'import' },
  });
  return { code, outcome: changeKind === 'create' ? 'created' : 'updated', version, reasons: [] };
}

/**
 * Imports a catalog document (as exported) all-or-nothing and reports each
 * item's outcome. Throws `validation_failed` for a malformed document and
 * `catalog.import_refused` (with the report in `details.report`) when any
 * item is refused; in both cases nothing changes.
 */
export async function importCatalog(db: Db, caller: Caller, input: unknown): Promise<ImportReport> {
  assertCanWrite(caller);
  return db.transaction(async (tx) => {
    const document = parseCatalogDocument(input, await validationContext(tx));
    const items: ImportOutcome[] = [];
    for (const entry of document.items) items.push(await importItem(tx, caller, entry, document.changeNote ?? null));
    const count = (kind: ImportOutcomeKind) => items.filter((i) => i.outcome === kind).length;
    const report: ImportReport = {
      applied: count('refused') === 0,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      items,
    };
    // Throwing rolls back every item written above.
    if (!report.applied) throw importRefused(report);
    await appendAudit(tx, caller, {
      action: 'catalog.import',
      targetType: 'catalog',
      detail: { created: report.created, updated: report.updated, unchanged: report.unchanged },
    });
    return report;
  });
}

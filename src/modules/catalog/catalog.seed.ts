/**
 * Loads the national categories and the seed catalog at every boot. Only
 * what is missing is added: an item that exists, edited or not, is never
 * touched, so a deployment's own changes survive upgrades.
 */
import { appendAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import { isUniqueViolation, type Db } from '../../platform/db';
import { CATALOG_CATEGORIES } from './catalog.dictionaries';
import { insertMissingCategories, listCategoryRows, listItemCodes } from './catalog.repository';
import { insertNewItem } from './catalog.service';
import { parseDefinition, parseSharing } from './catalog.validate';
import { SEED_ITEMS } from './seed/seed-items';

/** Adds missing categories and seed items (version 1); returns the codes it created. */
export async function seedCatalog(db: Db): Promise<string[]> {
  await insertMissingCategories(
    db.kysely,
    CATALOG_CATEGORIES.map((c) => ({ code: c.code, seq: c.seq, name_zh: c.nameZh, name_en: c.nameEn })),
  );
  const existing = await listItemCodes(db.kysely);
  const missing = SEED_ITEMS.filter((item) => !existing.has(item.definition.code));
  if (missing.length === 0) return [];
  // Departments are not checked: a district with other departments replaces the seed, it must not fail the boot.
  const categories = (await listCategoryRows(db.kysely)).map((c) => c.code);
  const caller = systemCaller('seed');
  const created: string[] = [];
  for (const seed of missing) {
    const code = seed.definition.code;
    // A seed that fails its own validation is a programming error: fail the boot loudly.
    const definition = parseDefinition(seed.definition, { categories }, `seed.${code}`);
    const sharing = parseSharing(seed.sharing, {}, `seed.${code}.sharing`);
    try {
      await db.transaction(async (tx) => {
        await insertNewItem(tx, caller, {
          definition,
          sharing,
          status: 'active',
          changeKind: 'seed',
          changeNote: null,
        });
        await appendAudit(tx, caller, {
          action: 'catalog.item.seed',
          targetType: 'catalog_item',
          targetId: code,
          detail: { version: 1 },
        });
      });
      created.push(code);
    } catch (error) {
      // Another process booting at the same time seeded it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return created;
}

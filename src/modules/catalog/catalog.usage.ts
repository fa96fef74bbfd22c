/**
 * How the catalog learns whether an item has records without knowing the
 * modules that keep them (records comes after catalog in the module order):
 * those modules register a counter when they load.
 */
import type { Executor } from '../../platform/db';

/** Counts the records (of any version) that use catalog item `itemCode`. */
export type CatalogUsageCounter = (executor: Executor, itemCode: string) => Promise<number>;

const counters = new Set<CatalogUsageCounter>();

/**
 * Registers a counter of records that use catalog items; the catalog refuses
 * breaking changes to an item while the counters report records for it.
 * Returns a function that removes the registration.
 */
export function registerCatalogUsage(counter: CatalogUsageCounter): () => void {
  counters.add(counter);
  return () => {
    counters.delete(counter);
  };
}

/** Records using `itemCode` across every registered counter; 0 when none is registered. */
export async function countCatalogUsage(executor: Executor, itemCode: string): Promise<number> {
  let total = 0;
  for (const counter of counters) total += await counter(executor, itemCode);
  return total;
}

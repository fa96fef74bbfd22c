import { CompiledQuery } from 'kysely';
import { dialectOf } from './dialect-of';
import type { Executor } from './types';

/**
 * Marks a one-row INSERT whose parameters are a list of rows, each the
 * array of its `width` values: the SQLite connection (sqlite.ts) runs the
 * prepared statement once per row. See `insertRows` for why.
 */
export const EACH_ROW = /^\/\* xy:each-row (\d+) \*\/ /;
const eachRow = (width: number, oneRowSql: string) => `/* xy:each-row ${width} */ ${oneRowSql}`;

/** Compiled INSERT texts per executor, by table, columns and row count. */
const compiledInserts = new WeakMap<Executor, Map<string, string>>();

function insertSql(executor: Executor, table: string, columns: readonly string[], rowCount: number): string {
  let byShape = compiledInserts.get(executor);
  if (!byShape) compiledInserts.set(executor, (byShape = new Map<string, string>()));
  const key = `${table}\u0000${columns.join(',')}\u0000${rowCount}`;
  let text = byShape.get(key);
  if (text === undefined) {
    const row = Object.fromEntries(columns.map((c) => [c, '']));
    const compiled = executor
      .insertInto(table)
      .values(Array.from({ length: rowCount }, () => row))
      .compile();
    if (compiled.parameters.length !== rowCount * columns.length) {
      throw new Error(`insertRows: unexpected parameters compiling an insert into ${table}`);
    }
    text = compiled.sql;
    byShape.set(key, text);
  }
  return text;
}

/**
 * Inserts rows in the caller's transaction, `rowsPerStatement` per round
 * trip, without building a Kysely query per chunk (for a 100,000-row import
 * that costs as much as running it): the INSERT is compiled once per
 * executor and shape. `valuesOf` gives a row's values in `columns` order:
 * text, numbers or null, as the columns store them.
 *
 * On SQLite each row runs the one prepared one-row INSERT: a multi-row
 * INSERT keeps a statement journal (a copy of every existing index page it
 * touches, to undo its first rows should a later one fail), which makes it
 * about a third slower into a table with several indexes. The price: when a
 * row fails, the rows before it stay written, so the caller must abandon the
 * transaction on error, as `Db.transaction` does when the error propagates.
 * Elsewhere a chunk is one multi-row INSERT.
 */
export async function insertRows<R>(
  executor: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly R[],
  valuesOf: (row: R) => unknown[],
  rowsPerStatement: number,
): Promise<void> {
  const width = columns.length;
  const sqlite = dialectOf(executor) === 'sqlite';
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const end = Math.min(start + rowsPerStatement, rows.length);
    let query: CompiledQuery;
    if (sqlite) {
      const parameters: unknown[][] = [];
      for (let r = start; r < end; r++) parameters.push(valuesOf(rows[r]!));
      query = CompiledQuery.raw(eachRow(width, insertSql(executor, table, columns, 1)), parameters);
    } else {
      const parameters: unknown[] = [];
      for (let r = start; r < end; r++) for (const value of valuesOf(rows[r]!)) parameters.push(value);
      query = CompiledQuery.raw(insertSql(executor, table, columns, end - start), parameters);
    }
    await executor.executeQuery(query);
  }
}

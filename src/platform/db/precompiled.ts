import { CompiledQuery, type Compilable } from 'kysely';
import type { Executor } from './types';

/** A parameter: a value, or a list of values (an `IN (…)` list). */
type Param = string | number | readonly (string | number)[];

/**
 * A query compiled once and re-run with new parameters: for the hottest
 * look-ups, where building and compiling the Kysely query costs as much as
 * running it. `build` receives placeholder values in place of the
 * parameters; they must reach the SQL as bound values (not in identifiers).
 * A list parameter is compiled once per length (an `IN` list of three
 * values is another statement than one of four).
 */
// NUL cannot occur in real parameters sent by the platform, so it marks placeholders unambiguously.
const MARK = String.fromCharCode(0);
const PLACEHOLDER = new RegExp(`^${MARK}xy-param-(\\d+)(?:-(\\d+))?${MARK}$`);

type Slot = null | readonly [param: number, element: number | null];

export function precompiled<P extends readonly Param[], R>(
  build: (executor: Executor, ...params: P) => Compilable<R>,
): (executor: Executor, ...params: P) => Promise<R[]> {
  type Entry = { compiled: CompiledQuery<R>; slots: Slot[] };
  const cache = new WeakMap<Executor, Map<string, Entry>>();
  return async (executor, ...params) => {
    const shape = params.map((p) => (Array.isArray(p) ? p.length : '')).join(',');
    let shapes = cache.get(executor);
    let entry = shapes?.get(shape);
    if (!entry) {
      const placeholders = params.map((p, i) =>
        Array.isArray(p) ? p.map((_, j) => `${MARK}xy-param-${i}-${j}${MARK}`) : `${MARK}xy-param-${i}${MARK}`,
      ) as unknown as P;
      const compiled = build(executor, ...placeholders).compile();
      const slots = compiled.parameters.map((p): Slot => {
        const match = typeof p === 'string' ? PLACEHOLDER.exec(p) : null;
        return match ? [Number(match[1]), match[2] === undefined ? null : Number(match[2])] : null;
      });
      entry = { compiled, slots };
      // Only the long-lived root executor is cached; a transaction compiles afresh.
      if (executor.isTransaction === false) {
        if (!shapes) cache.set(executor, (shapes = new Map<string, Entry>()));
        shapes.set(shape, entry);
      }
    }
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => {
      const slot = slots[i];
      if (!slot) return p;
      const value = params[slot[0]]!;
      return slot[1] === null ? value : (value as readonly (string | number)[])[slot[1]];
    });
    const result = await executor.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

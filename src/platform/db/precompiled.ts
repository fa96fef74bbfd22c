import { CompiledQuery, type Compilable } from 'kysely';
import type { Executor } from './types';

/**
 * A query compiled once and re-run with new parameters: for the hottest
 * point look-ups, where building and compiling the Kysely query costs as much
 * as running it. `build` receives placeholder values in place of the
 * parameters; they must reach the SQL as bound values (not in identifiers).
 */
// NUL cannot occur in real parameters sent by the platform, so it marks placeholders unambiguously.
const MARK = String.fromCharCode(0);
const PLACEHOLDER = new RegExp(`^${MARK}xy-param-(\\d+)${MARK}$`);

export function precompiled<P extends readonly (string | number)[], R>(
  build: (executor: Executor, ...params: P) => Compilable<R>,
): (executor: Executor, ...params: P) => Promise<R[]> {
  const cache = new WeakMap<Executor, { compiled: CompiledQuery<R>; slots: (number | null)[] }>();
  return async (executor, ...params) => {
    let entry = cache.get(executor);
    if (!entry) {
      const placeholders = params.map((_, i) => `${MARK}xy-param-${i}${MARK}`) as unknown as P;
      const compiled = build(executor, ...placeholders).compile();
      const slots = compiled.parameters.map((p) => {
        const match = typeof p === 'string' ? PLACEHOLDER.exec(p) : null;
        return match ? Number(match[1]) : null;
      });
      entry = { compiled, slots };
      // Only the long-lived root executor is cached; a transaction compiles afresh.
      if (executor.isTransaction === false) cache.set(executor, entry);
    }
    const { compiled, slots } = entry;
    const parameters = compiled.parameters.map((p, i) => (slots[i] === null ? p : params[slots[i]!]));
    const result = await executor.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

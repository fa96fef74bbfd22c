import type { Dialect, Executor } from './types';

const dialects = new WeakMap<Executor, Dialect>();

/** Records which database an executor (the platform's root instance or one of its transactions) talks to. */
export function registerDialect(executor: Executor, dialect: Dialect): void {
  dialects.set(executor, dialect);
}

/**
 * The dialect of an executor made by `openDatabase` or by `Db.transaction`;
 * undefined for any other, whose callers take the portable path.
 */
export function dialectOf(executor: Executor): Dialect | undefined {
  return dialects.get(executor);
}

import { lazy, type ComponentType } from 'react';

/**
 * React.lazy wants a module with a default export; the codebase uses named
 * exports only, so adapt one named component at the lazy boundary.
 */
export function lazyNamed<Props extends object, Key extends string>(
  load: () => Promise<Record<Key, ComponentType<Props>>>,
  name: Key,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

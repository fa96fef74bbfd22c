import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type QueryState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: unknown };

/**
 * Runs `load` whenever `key` changes (null = do nothing) and aborts the
 * previous call, so a slow answer to an old search never overwrites a newer one.
 *
 * The state remembers which key it answers: in the render where the key has
 * just changed (new filters in the URL) the old answer is not shown as the new
 * one — the query is `loading` from that very render, not from the effect after it.
 */
export function useApiQuery<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): QueryState<T> & { reload: () => void } {
  const [state, setState] = useState<{ key: string | null; value: QueryState<T> }>({
    key,
    value: { status: key === null ? 'idle' : 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  // Callers pass inline loaders; only `key` (and reload) should refetch.
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    if (key === null) {
      setState({ key, value: { status: 'idle' } });
      return;
    }
    const controller = new AbortController();
    setState({ key, value: { status: 'loading' } });
    runLoad(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, value: { status: 'success', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, value: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  const current: QueryState<T> =
    state.key === key ? state.value : key === null ? { status: 'idle' } : { status: 'loading' };
  return { ...current, reload };
}

import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';

/**
 * A store value for views that need not follow every batch (zustand's "transient updates"): the selector is read
 * at most once per `intervalMs`, so a list or a chart re-renders once a second at 2,000 messages/s, not per batch.
 * A change of `key` (what the selector depends on, e.g. the datastream shown) reads it again at once.
 */
export function useSampled<S, T>(store: Pick<StoreApi<S>, 'getState' | 'subscribe'>, select: (state: S) => T, key: unknown = null, intervalMs = 1000): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const [value, setValue] = useState(() => select(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const pull = () => {
      timer = null;
      last = performance.now();
      setValue(() => selectRef.current(store.getState()));
    };
    const unsubscribe = store.subscribe(() => {
      timer ??= setTimeout(pull, Math.max(0, last + intervalMs - performance.now()));
    });
    pull();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, key, intervalMs]);
  return value;
}

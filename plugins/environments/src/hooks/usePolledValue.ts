import { useCallback, useEffect, useRef, useState } from 'react';

/** What {@link usePolledValue} returns. */
export type PolledValue<T> = {
  value?: T;
  /** The last load's error; the previous value stays shown next to it. */
  error?: Error;
  /** True only until the first load for this key finishes. */
  loading: boolean;
  refresh: () => Promise<void>;
};

/**
 * Loads a value, reloads it every `intervalMs` and on `refresh()`, and keeps the previous value
 * while reloading so the view never flickers back to a spinner. A change of `key` starts over.
 */
export function usePolledValue<T>(
  key: string,
  load: () => Promise<T>,
  intervalMs = 10_000,
): PolledValue<T> {
  const [state, setState] = useState<Omit<PolledValue<T>, 'refresh'>>({
    loading: true,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  // Answers for an older key (or after unmount) are dropped.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const current = generation.current;
    try {
      const value = await loadRef.current();
      if (current === generation.current) setState({ value, loading: false });
    } catch (error) {
      if (current !== generation.current) return;
      setState(previous => ({
        value: previous.value,
        error: error as Error,
        loading: false,
      }));
    }
  }, []);

  // A new key starts over: its first load shows as loading.
  useEffect(() => {
    generation.current += 1;
    setState({ loading: true });
    refresh();
    return () => {
      generation.current += 1;
    };
  }, [key, refresh]);

  // A new interval only reschedules: the value on screen stays (the tab polls faster while
  // something rolls out, and must not flash back to a spinner then).
  useEffect(() => {
    const timer = setInterval(refresh, intervalMs);
    return () => clearInterval(timer);
  }, [key, intervalMs, refresh]);

  return { ...state, refresh };
}

import { useCallback, useState } from 'react';
import { errorMessage } from '../util/errorMessage';

/** What {@link useAction} returns. */
export type Action<A extends unknown[], R> = {
  /** Resolves to the action's result, or undefined when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  /** The server's message for the last failure. */
  error?: string;
};

/** Runs a user action against the backend, tracking pending state and the server's error message. */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  onDone?: () => void,
): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(undefined);
      try {
        const result = await action(...args);
        onDone?.();
        return result;
      } catch (e) {
        setError(errorMessage(e));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action, onDone],
  );
  return { run, pending, error };
}

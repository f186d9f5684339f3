import { ConflictError } from '@backstage/errors';
import { StaleBaseError } from './StaleBaseError';
import type { WriterTiming } from './WriterTiming';

/** Default attempts of a write whose base moves under it. */
const CONFLICT_ATTEMPTS = 3;
const BASE_BACKOFF_MS = 250;

/**
 * Runs `attempt` (which reads, edits and writes with the expected base) until it does not hit
 * a StaleBaseError; between attempts calls `onConflict` (which may end the write by throwing,
 * e.g. a gate that no longer passes) and backs off with jitter. After `attempts` conflicts,
 * throws ConflictError naming `what`.
 */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  options: {
    what: string;
    timing: WriterTiming;
    onConflict?: () => Promise<void>;
    attempts?: number;
  },
): Promise<T> {
  const attempts = options.attempts ?? CONFLICT_ATTEMPTS;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StaleBaseError)) throw error;
      if (i >= attempts) {
        throw new ConflictError(
          `${options.what} kept changing while Stageline wrote it (${attempts} attempts); try the promotion again`,
        );
      }
      await options.onConflict?.();
      const backoff = BASE_BACKOFF_MS * 2 ** (i - 1);
      await options.timing.sleep(backoff + Math.random() * backoff);
    }
  }
}

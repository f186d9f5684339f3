import type { StandInObject } from '../StandInObject';
import type { StoredEvent } from '../store/StoredEvent';

/**
 * The event a filtered watch sees for a change: an object that starts matching is ADDED, one
 * that stops matching is DELETED, as with the API server's watch cache.
 */
export function watchEventFor(
  event: StoredEvent,
  matches: (object: StandInObject) => boolean,
): { type: string; object: StandInObject } | undefined {
  const now = matches(event.object);
  if (event.type === 'DELETED') {
    return now ? { type: 'DELETED', object: event.object } : undefined;
  }
  const before = event.previous ? matches(event.previous) : false;
  if (now) return { type: before ? 'MODIFIED' : 'ADDED', object: event.object };
  return before ? { type: 'DELETED', object: event.object } : undefined;
}

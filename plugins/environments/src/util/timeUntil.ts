import { formatDuration } from './formatDuration';

/** How long until an ISO 8601 instant, e.g. `in 2d`; `expired` once past; `—` when unknown. */
export function timeUntil(iso: string | undefined, now = Date.now()): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return '—';
  return at <= now ? 'expired' : `in ${formatDuration(at - now)}`;
}

import { formatDuration } from '@stageline/plugin-environments-common';

/** How long until an ISO 8601 instant, e.g. `in 1d 23h`; `expired` once past; `—` when unknown. */
export function timeUntil(iso: string | undefined, now = Date.now()): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return '—';
  return at <= now ? 'expired' : `in ${formatDuration(at - now)}`;
}

import { formatDuration } from '@stageline/plugin-environments-common';

/** How long ago an ISO 8601 instant was, e.g. `3h 5m ago`; `—` when unknown. */
export function timeAgo(iso: string | undefined, now = Date.now()): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return '—';
  return `${formatDuration(now - at)} ago`;
}

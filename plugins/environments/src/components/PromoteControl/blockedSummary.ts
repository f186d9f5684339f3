/**
 * The one sentence shown under a blocked Promote: its first reason that no card shows already.
 * When every reason is already on screen it points there instead of repeating it (an outage
 * otherwise reads the same sentence under every button).
 */
export function blockedSummary(
  reasons: string[],
  shown: ReadonlyMap<string, string>,
): string | undefined {
  if (reasons.length === 0) return undefined;
  const fresh = reasons.find(reason => !shown.has(reason));
  if (fresh) return fresh;
  return `Blocked: see the reason shown for ${shown.get(reasons[0])}`;
}

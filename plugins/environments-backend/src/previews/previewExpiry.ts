/**
 * When a preview expires: its TTL counted from the later of the namespace's creation and the
 * pull request's last update, moved later (never earlier) by an `extend` override. Undefined
 * when there is nothing to count from.
 */
export function previewExpiry(input: {
  createdAt?: string;
  pullRequestUpdatedAt?: string;
  ttlMs: number;
  extendedTo?: string;
}): Date | undefined {
  const starts = [input.createdAt, input.pullRequestUpdatedAt]
    .map(timeOf)
    .filter((t): t is number => t !== undefined);
  const natural = starts.length ? Math.max(...starts) + input.ttlMs : undefined;
  const candidates = [natural, timeOf(input.extendedTo)].filter(
    (t): t is number => t !== undefined,
  );
  return candidates.length ? new Date(Math.max(...candidates)) : undefined;
}

function timeOf(date: string | undefined): number | undefined {
  const time = date ? Date.parse(date) : NaN;
  return Number.isNaN(time) ? undefined : time;
}

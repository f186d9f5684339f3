import type { LiveState } from '@stageline/plugin-environments-common';

/**
 * Whether two environments run the very same image digest. Undefined when either side has no
 * single known digest (mid-rollout, or not running), so the UI shows nothing rather than a guess.
 */
export function sameBits(
  upstream: LiveState | undefined,
  downstream: LiveState | undefined,
): boolean | undefined {
  const a = singleDigest(upstream);
  const b = singleDigest(downstream);
  if (!a || !b) return undefined;
  return a === b;
}

function singleDigest(live: LiveState | undefined): string | undefined {
  if (!live) return undefined;
  if (live.digests.length === 1) return live.digests[0];
  if (live.digests.length === 0) return live.image?.digest;
  return undefined;
}

import { previewExpiry } from './previewExpiry';
import type { PreviewFacts, ReapVerdict } from './types';

/**
 * Whether the reaper removes a preview: only when its pull request is closed or merged, or its
 * TTL has expired, and never when pinned, already Terminating, or without a UID to use as the
 * delete precondition. A pull request that cannot be read is no reason to delete.
 */
export function reapVerdict(
  facts: PreviewFacts,
  ttlMs: number,
  now: Date,
): ReapVerdict {
  const { candidate, pullRequest, override } = facts;
  const { namespace, number } = candidate;
  if (override?.keep) {
    return {
      remove: false,
      action: 'kept',
      reason: `pinned by ${override.updatedBy}`,
    };
  }
  if (namespace.terminating) {
    return skipped('already being deleted (Terminating)');
  }
  if (!namespace.uid) {
    return skipped('no UID to use as a delete precondition');
  }
  if (pullRequest?.state === 'merged' || pullRequest?.state === 'closed') {
    return {
      remove: true,
      reason: `pull request #${number} is ${pullRequest.state}`,
    };
  }
  const expiresAt = previewExpiry({
    createdAt: namespace.createdAt,
    pullRequestUpdatedAt: pullRequest?.updatedAt,
    ttlMs,
    extendedTo: override?.expiresAt,
  });
  const unread = facts.pullRequestError
    ? `; pull request #${number} could not be read: ${facts.pullRequestError}`
    : '';
  if (!expiresAt) {
    return skipped(`nothing to count its TTL from${unread}`);
  }
  if (now.getTime() >= expiresAt.getTime()) {
    return {
      remove: true,
      reason: `its TTL expired at ${expiresAt.toISOString()}${unread}`,
    };
  }
  return skipped(`expires at ${expiresAt.toISOString()}${unread}`);
}

function skipped(reason: string): ReapVerdict {
  return { remove: false, action: 'skipped', reason };
}

import type {
  EnvironmentError,
  LiveState,
  PreviewEnvironment,
} from '@stageline/plugin-environments-common';
import type { PullRequestSummary } from '../gitops/types';
import type { NamespaceSummary } from '../kubernetes/types';
import type { PreviewOverride } from './types';
import { previewExpiry } from './previewExpiry';

/** A preview as the API returns it: namespace, pull request, URLs, live state, expiry, pin. */
export function buildPreviewEnvironment(input: {
  namespace: NamespaceSummary;
  number: number;
  pullRequest?: PullRequestSummary;
  live?: LiveState;
  urls: string[];
  override?: PreviewOverride;
  ttlMs: number;
  errors: EnvironmentError[];
}): PreviewEnvironment {
  const { namespace, override } = input;
  const expiresAt = previewExpiry({
    createdAt: namespace.createdAt,
    pullRequestUpdatedAt: input.pullRequest?.updatedAt,
    ttlMs: input.ttlMs,
    extendedTo: override?.expiresAt,
  });
  return {
    namespace: namespace.name,
    pullRequest: input.pullRequest ?? { number: input.number },
    urls: input.urls,
    live: input.live,
    createdAt: namespace.createdAt,
    expiresAt: expiresAt?.toISOString(),
    keep: override?.keep ?? false,
    errors: input.errors,
  };
}

import type { PreviewEnvironment } from '@stageline/plugin-environments-common';
import type { ClusterStateReader } from '../kubernetes/types';
import type { PreviewOverride } from './types';
import type { EntityContext } from '../catalog/EntityContext';
import { buildPreviewEnvironment } from './buildPreviewEnvironment';
import { readPullRequest } from './readPullRequest';
import type { PreviewCandidate, PullRequestResolver } from './types';

/** A located preview as the API returns it after a keep or extend. */
export async function describePreview(
  reader: ClusterStateReader,
  getPullRequest: PullRequestResolver,
  ttlMs: number,
  input: {
    ctx: EntityContext;
    candidate: PreviewCandidate;
    override: PreviewOverride;
  },
): Promise<PreviewEnvironment> {
  const { ctx, candidate } = input;
  const { pullRequest, pullRequestError } = await readPullRequest(
    getPullRequest,
    ctx,
    candidate.number,
  );
  const urls = await reader.getUrls({
    cluster: candidate.cluster,
    namespace: candidate.namespace.name,
    labelSelector: ctx.labelSelector,
    primaryImage: ctx.imageName,
  });
  const errors: PreviewEnvironment['errors'] = [];
  if (pullRequestError) {
    errors.push({ source: 'git', message: pullRequestError });
  }
  if (!urls.ok) errors.push({ source: 'cluster', message: urls.reason });
  return buildPreviewEnvironment({
    namespace: candidate.namespace,
    number: candidate.number,
    pullRequest,
    live: candidate.live,
    urls: urls.ok ? urls.value : [],
    override: input.override,
    ttlMs,
    errors,
  });
}

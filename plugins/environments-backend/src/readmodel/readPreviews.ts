import type {
  EnvironmentError,
  PreviewEnvironment,
  PreviewsResponse,
} from '@stageline/plugin-environments-common';
import type { GitRepository } from '../gitops/types';
import type { ClusterStateReader, NamespaceSummary } from '../kubernetes/types';
import type { EntityContext } from './EntityContext';
import { errorMessage } from './errorMessage';
import { previewNamespaceRegExp } from './previewNamespaceRegExp';

/**
 * Preview environments: namespaces matching the preview pattern that hold the service's
 * workloads, joined with their pull request, URLs, version, health, age and expiry.
 */
export async function readPreviews(input: {
  ctx: EntityContext;
  clusters: ClusterStateReader;
  sourceRepo: GitRepository | undefined;
  sourceRepoError: string | undefined;
  namespacePattern: string;
  ttlMs: number;
}): Promise<PreviewsResponse> {
  const { ctx, clusters } = input;
  const errors: EnvironmentError[] = [];
  const cluster = clusters.defaultClusterName();
  if (!cluster) {
    return {
      entityRef: ctx.entityRef,
      previews: [],
      errors: [{ source: 'cluster', message: 'No cluster is configured' }],
    };
  }
  if (input.sourceRepoError) {
    errors.push({ source: 'git', message: input.sourceRepoError });
  }
  const pattern = previewNamespaceRegExp(input.namespacePattern);
  const namespaces = await clusters.listNamespaces({ cluster, pattern });
  if (!namespaces.ok) {
    return {
      entityRef: ctx.entityRef,
      previews: [],
      errors: [...errors, { source: 'cluster', message: namespaces.reason }],
    };
  }
  const previews = await Promise.all(
    namespaces.value.map(ns => readPreview(input, cluster, ns, pattern)),
  );
  return {
    entityRef: ctx.entityRef,
    previews: previews
      .filter((p): p is PreviewEnvironment => p !== undefined)
      .sort(
        (a, b) => (b.pullRequest?.number ?? 0) - (a.pullRequest?.number ?? 0),
      ),
    errors,
  };
}

async function readPreview(
  input: Parameters<typeof readPreviews>[0],
  cluster: string,
  ns: NamespaceSummary,
  pattern: RegExp,
): Promise<PreviewEnvironment | undefined> {
  const query = {
    cluster,
    namespace: ns.name,
    labelSelector: input.ctx.labelSelector,
    primaryImage: input.ctx.imageName,
  };
  const live = await input.clusters.getLiveState(query);
  // A preview namespace of another service is not this service's preview.
  if (live.ok && !live.value) return undefined;

  const errors: EnvironmentError[] = [];
  if (!live.ok) errors.push({ source: 'cluster', message: live.reason });
  const urls = await input.clusters.getUrls(query);
  const number = Number(pattern.exec(ns.name)?.[1]);
  let pullRequest: PreviewEnvironment['pullRequest'] = { number };
  if (input.sourceRepo) {
    try {
      pullRequest =
        (await input.sourceRepo.getPullRequest(number)) ?? pullRequest;
    } catch (error) {
      errors.push({ source: 'git', message: errorMessage(error) });
    }
  }
  const lastActivity = latest(ns.createdAt, pullRequest.updatedAt);
  return {
    namespace: ns.name,
    pullRequest,
    urls: urls.ok ? urls.value : [],
    live: live.ok ? live.value : undefined,
    createdAt: ns.createdAt,
    expiresAt: lastActivity
      ? new Date(Date.parse(lastActivity) + input.ttlMs).toISOString()
      : undefined,
    errors,
  };
}

function latest(...dates: Array<string | undefined>): string | undefined {
  const times = dates.filter((d): d is string => !!d).map(d => Date.parse(d));
  return times.length ? new Date(Math.max(...times)).toISOString() : undefined;
}

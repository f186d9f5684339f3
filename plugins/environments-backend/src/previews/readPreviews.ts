import type {
  EnvironmentDefinition,
  EnvironmentError,
  PreviewEnvironment,
  PreviewsResponse,
} from '@stageline/plugin-environments-common';
import type { GitRepository } from '../gitops/types';
import type { ClusterStateReader, NamespaceSummary } from '../kubernetes/types';
import { buildPreviewEnvironment } from './buildPreviewEnvironment';
import { previewClusters } from './previewClusters';
import { previewNumberOf } from './previewNumberOf';
import type { PreviewOverride, PreviewOverrideStore } from './types';
import type { EntityContext } from '../catalog/EntityContext';
import { errorMessage } from '../errors/errorMessage';
import { previewNamespaceRegExp } from './previewNamespaceRegExp';

type ReadPreviewsInput = {
  ctx: EntityContext;
  clusters: ClusterStateReader;
  sourceRepo: GitRepository | undefined;
  sourceRepoError: string | undefined;
  namespacePattern: string;
  ttlMs: number;
  /** The entity's chain: previews are looked for on its clusters and the default. Default cluster only when absent. */
  chain?: EnvironmentDefinition[];
  /** Keep pins and extensions; without them previews show the TTL expiry and no pin. */
  overrides?: PreviewOverrideStore;
};

/**
 * Preview environments: namespaces matching the preview pattern that hold the service's
 * workloads, on every cluster of its chain, joined with their pull request, URLs, version,
 * health, age, expiry (moved by extensions) and keep pin.
 */
export async function readPreviews(
  input: ReadPreviewsInput,
): Promise<PreviewsResponse> {
  const { ctx } = input;
  const errors: EnvironmentError[] = [];
  if (!input.clusters.defaultClusterName() && !input.chain?.length) {
    return {
      entityRef: ctx.entityRef,
      previews: [],
      errors: [{ source: 'cluster', message: 'No cluster is configured' }],
    };
  }
  if (input.sourceRepoError) {
    errors.push({ source: 'git', message: input.sourceRepoError });
  }
  const { clusters, unknown } = previewClusters(
    input.chain ?? [],
    input.clusters,
  );
  for (const cluster of unknown) {
    errors.push({
      source: 'cluster',
      message: `cluster '${cluster}' is not configured`,
    });
  }
  const perCluster = await Promise.all(
    clusters.map(cluster => readClusterPreviews(input, cluster, errors)),
  );
  return {
    entityRef: ctx.entityRef,
    previews: perCluster
      .flat()
      .sort(
        (a, b) => (b.pullRequest?.number ?? 0) - (a.pullRequest?.number ?? 0),
      ),
    errors,
  };
}

async function readClusterPreviews(
  input: ReadPreviewsInput,
  cluster: string,
  errors: EnvironmentError[],
): Promise<PreviewEnvironment[]> {
  const pattern = previewNamespaceRegExp(input.namespacePattern);
  const namespaces = await input.clusters.listNamespaces({ cluster, pattern });
  if (!namespaces.ok) {
    errors.push({ source: 'cluster', message: namespaces.reason });
    return [];
  }
  let overrides: PreviewOverride[] = [];
  try {
    overrides = (await input.overrides?.listPreviewOverrides(cluster)) ?? [];
  } catch (error) {
    errors.push({
      source: 'cluster',
      message: `keep pins and extensions of previews on '${cluster}' could not be read: ${errorMessage(
        error,
      )}`,
    });
  }
  const previews = await Promise.all(
    namespaces.value.map(ns =>
      readPreview(
        input,
        cluster,
        ns,
        overrides.find(o => o.namespace === ns.name),
      ),
    ),
  );
  return previews.filter((p): p is PreviewEnvironment => p !== undefined);
}

async function readPreview(
  input: ReadPreviewsInput,
  cluster: string,
  ns: NamespaceSummary,
  override: PreviewOverride | undefined,
): Promise<PreviewEnvironment | undefined> {
  const number = previewNumberOf(ns.name, input.namespacePattern);
  if (number === undefined) return undefined;
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
  let pullRequest;
  if (input.sourceRepo) {
    try {
      pullRequest = await input.sourceRepo.getPullRequest(number);
    } catch (error) {
      errors.push({ source: 'git', message: errorMessage(error) });
    }
  }
  return buildPreviewEnvironment({
    namespace: ns,
    number,
    pullRequest,
    live: live.ok ? live.value : undefined,
    urls: urls.ok ? urls.value : [],
    override,
    ttlMs: input.ttlMs,
    errors,
  });
}

import type {
  GitOpsAgentStatus,
  LiveState,
} from '@stageline/plugin-environments-common';
import type { AgentQuery } from '../AgentQuery';
import { readAgentStatus } from './readAgentStatus';
import { ClusterCache } from './ClusterCache';
import { createClientLoader } from './createClientLoader';
import type { ClusterIndexes } from './ClusterIndexes';
import type { KindName } from './KindName';
import { readLiveState } from './readLiveState';
import { readNamespaces } from './readNamespaces';
import { readUrls } from './readUrls';
import type { ClusterStateStoreOptions } from './ClusterStateStoreOptions';
import type { LabelRequirement } from '@stageline/plugin-environments-common';
import { parseLabelSelector } from '@stageline/plugin-environments-common';
import type {
  ClusterReadResult,
  ClusterStateReader,
  NamespaceSummary,
  WorkloadQuery,
} from '../types';

const WORKLOAD_KINDS: KindName[] = [
  'deployments',
  'statefulsets',
  'replicasets',
  'pods',
  'jobs',
];

// One entry per distinct selector in the catalog; cleared if something floods it.
const MAX_PARSED_SELECTORS = 50_000;

/**
 * Cluster state from watch-backed caches: one informer per cluster and kind, started by
 * `start()`; page views read memory only. Failures become `{ ok: false, reason }`, never throws.
 */
export class ClusterStateStore implements ClusterStateReader {
  private readonly parsedSelectors = new Map<string, LabelRequirement[]>();

  private constructor(
    private readonly caches: Map<string, ClusterCache>,
    private readonly defaultCluster: string | undefined,
  ) {}

  static create(options: ClusterStateStoreOptions): ClusterStateStore {
    const loadClient = createClientLoader(options.kubernetesClient);
    const caches = new Map(
      options.clusters.map(definition => [
        definition.name,
        new ClusterCache({
          definition,
          loadClient,
          logger: options.logger,
          backoff: options.backoff ?? { initialMs: 1000, maxMs: 30_000 },
          firstReadTimeoutMs: options.firstReadTimeoutMs ?? 5000,
        }),
      ]),
    );
    return new ClusterStateStore(
      caches,
      options.defaultCluster ?? options.clusters[0]?.name,
    );
  }

  /** Starts every cluster's informers; does not wait for their first lists. */
  async start(): Promise<void> {
    await Promise.all([...this.caches.values()].map(c => c.start()));
  }

  /** Stops every informer and pending restart. */
  async stop(): Promise<void> {
    await Promise.all([...this.caches.values()].map(c => c.stop()));
  }

  clusterNames(): string[] {
    return [...this.caches.keys()];
  }

  defaultClusterName(): string | undefined {
    return this.defaultCluster;
  }

  getLiveState(
    query: WorkloadQuery,
  ): Promise<ClusterReadResult<LiveState | undefined>> {
    return this.read(query, WORKLOAD_KINDS, (indexes, requirements) =>
      readLiveState({ ...query, indexes, requirements }),
    );
  }

  listNamespaces(query: {
    cluster: string;
    pattern: RegExp;
  }): Promise<ClusterReadResult<NamespaceSummary[]>> {
    return this.read({ cluster: query.cluster }, ['namespaces'], indexes =>
      readNamespaces(indexes, query.pattern),
    );
  }

  getUrls(query: WorkloadQuery): Promise<ClusterReadResult<string[]>> {
    return this.read(
      query,
      ['ingresses', 'ingressroutes'],
      (indexes, requirements) =>
        readUrls({ namespace: query.namespace, indexes, requirements }),
    );
  }

  getAgentStatus(
    query: AgentQuery,
  ): Promise<ClusterReadResult<GitOpsAgentStatus | undefined>> {
    return this.read(query, ['applications', 'kustomizations'], indexes =>
      readAgentStatus(indexes, query),
    );
  }

  private async read<T>(
    query: { cluster: string; labelSelector?: string },
    kinds: KindName[],
    compute: (indexes: ClusterIndexes, requirements: LabelRequirement[]) => T,
  ): Promise<ClusterReadResult<T>> {
    const cache = this.caches.get(query.cluster);
    if (!cache)
      return { ok: false, reason: this.unknownCluster(query.cluster) };
    let requirements: LabelRequirement[];
    try {
      requirements = this.requirementsOf(query.labelSelector ?? '');
    } catch (error) {
      const reason = `label selector '${query.labelSelector}' is invalid: ${
        (error as Error).message
      }`;
      return { ok: false, reason };
    }
    const problem = await cache.problemReading(kinds);
    if (problem) {
      return {
        ok: false,
        reason: problem,
        ...this.lastKnown(cache, kinds, () =>
          compute(cache.indexes, requirements),
        ),
      };
    }
    try {
      return { ok: true, value: compute(cache.indexes, requirements) };
    } catch (error) {
      // Odd objects must cost one environment its live state, not the page.
      const reason = `reading cluster '${query.cluster}' failed: ${
        (error as Error).message
      }`;
      return { ok: false, reason };
    }
  }

  // An outage keeps the cache's last content: worth showing, with its age, as long as it computes.
  private lastKnown<T>(
    cache: ClusterCache,
    kinds: KindName[],
    compute: () => T,
  ): { lastKnown?: { value: T; asOf: string } } {
    const asOf = cache.lastKnownAsOf(kinds);
    if (!asOf) return {};
    try {
      return { lastKnown: { value: compute(), asOf: asOf.toISOString() } };
    } catch {
      return {};
    }
  }

  // A view reads live state and URLs per environment with one selector: parse it once.
  private requirementsOf(selector: string): LabelRequirement[] {
    let requirements = this.parsedSelectors.get(selector);
    if (!requirements) {
      requirements = parseLabelSelector(selector);
      if (this.parsedSelectors.size >= MAX_PARSED_SELECTORS) {
        this.parsedSelectors.clear();
      }
      this.parsedSelectors.set(selector, requirements);
    }
    return requirements;
  }

  private unknownCluster(name: string): string {
    const known = this.clusterNames().map(n => `'${n}'`);
    return known.length > 0
      ? `unknown cluster '${name}'; configured clusters: ${known.join(', ')}`
      : `unknown cluster '${name}'; no cluster is configured`;
  }
}

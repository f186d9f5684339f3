import type { LiveState } from '@stageline/plugin-environments-common';
import type {
  ClusterReadResult,
  ClusterStateReader,
  NamespaceSummary,
  WorkloadQuery,
} from '../types';

/** A ClusterStateReader over fixed data, for read-model unit tests. */
export class FakeClusterStateReader implements ClusterStateReader {
  readonly live = new Map<string, LiveState>();
  readonly namespaces: NamespaceSummary[] = [];
  readonly urls = new Map<string, string[]>();
  readonly unavailable = new Map<string, string>();
  /** Cluster -> as of when its live states (in `live`) are the last known, during an outage. */
  readonly lastKnownAsOf = new Map<string, string>();
  readonly queries: WorkloadQuery[] = [];

  clusterNames() {
    return ['local'];
  }

  defaultClusterName() {
    return 'local';
  }

  async getLiveState(
    query: WorkloadQuery,
  ): Promise<ClusterReadResult<LiveState | undefined>> {
    this.queries.push(query);
    const reason = this.unavailable.get(query.cluster);
    const asOf = this.lastKnownAsOf.get(query.cluster);
    if (reason) {
      return {
        ok: false,
        reason,
        ...(asOf && {
          lastKnown: { value: this.live.get(query.namespace), asOf },
        }),
      };
    }
    return { ok: true, value: this.live.get(query.namespace) };
  }

  async listNamespaces(query: {
    cluster: string;
    pattern: RegExp;
  }): Promise<ClusterReadResult<NamespaceSummary[]>> {
    const reason = this.unavailable.get(query.cluster);
    if (reason) return { ok: false, reason };
    return {
      ok: true,
      value: this.namespaces.filter(n => query.pattern.test(n.name)),
    };
  }

  async getUrls(query: WorkloadQuery): Promise<ClusterReadResult<string[]>> {
    return { ok: true, value: this.urls.get(query.namespace) ?? [] };
  }
}

import type { LiveState } from '@stageline/plugin-environments-common';
import type {
  ClusterReadResult,
  ClusterStateReader,
  NamespaceDeleteOutcome,
  NamespaceDeleteTarget,
  NamespaceDeleter,
  NamespaceSummary,
  WorkloadQuery,
} from '../../kubernetes/types';

type StoredNamespace = NamespaceSummary & {
  /** Label selectors (`key=value`) of the services whose workloads it holds. */
  workloads: string[];
};

/**
 * Several clusters in memory, read like the cluster cache and written like the ClusterWriter:
 * a delete honours the UID precondition and removes the namespace. Deletes are recorded.
 */
export class FakeClusters implements ClusterStateReader, NamespaceDeleter {
  readonly deletes: NamespaceDeleteTarget[] = [];
  readonly unavailable = new Map<string, string>();
  /** Per `cluster/namespace`: an error thrown by deleteNamespace. */
  readonly deleteFailures = new Map<string, Error>();
  /** Runs as a delete arrives, before it is applied: to simulate races. */
  beforeDelete?: (target: NamespaceDeleteTarget) => void;
  private readonly namespaces = new Map<string, StoredNamespace[]>();
  private uids = 0;

  constructor(
    names: string[],
    private readonly defaultCluster: string | undefined = names[0],
  ) {
    names.forEach(name => this.namespaces.set(name, []));
  }

  /** Adds a namespace holding the workloads of the services with these selectors. */
  addNamespace(
    cluster: string,
    name: string,
    options: {
      workloads?: string[];
      createdAt?: string;
      terminating?: boolean;
      uid?: string | null;
    } = {},
  ): StoredNamespace {
    const namespace: StoredNamespace = {
      name,
      ...(options.uid !== null && { uid: options.uid ?? `uid-${++this.uids}` }),
      createdAt: options.createdAt,
      terminating: options.terminating ?? false,
      labels: {},
      annotations: {},
      workloads: options.workloads ?? [],
    };
    this.namespacesOf(cluster).push(namespace);
    return namespace;
  }

  /** Replaces a namespace by a new one of the same name (new UID), as a re-deploy would. */
  recreate(cluster: string, name: string): void {
    const list = this.namespacesOf(cluster);
    const old = list.find(n => n.name === name)!;
    list.splice(list.indexOf(old), 1, { ...old, uid: `uid-${++this.uids}` });
  }

  has(cluster: string, name: string): boolean {
    return this.namespacesOf(cluster).some(n => n.name === name);
  }

  clusterNames(): string[] {
    return [...this.namespaces.keys()];
  }

  defaultClusterName(): string | undefined {
    return this.defaultCluster;
  }

  async listNamespaces(query: {
    cluster: string;
    pattern: RegExp;
  }): Promise<ClusterReadResult<NamespaceSummary[]>> {
    const problem = this.problem(query.cluster);
    if (problem) return { ok: false, reason: problem };
    return {
      ok: true,
      value: this.namespacesOf(query.cluster)
        .filter(n => query.pattern.test(n.name))
        .map(({ workloads, ...summary }) => ({ ...summary })),
    };
  }

  async getLiveState(
    query: WorkloadQuery,
  ): Promise<ClusterReadResult<LiveState | undefined>> {
    const problem = this.problem(query.cluster);
    if (problem) return { ok: false, reason: problem };
    const namespace = this.namespacesOf(query.cluster).find(
      n => n.name === query.namespace,
    );
    if (!namespace?.workloads.includes(query.labelSelector)) {
      return { ok: true, value: undefined };
    }
    return { ok: true, value: liveState(query.cluster, query.namespace) };
  }

  async getUrls(query: WorkloadQuery): Promise<ClusterReadResult<string[]>> {
    return {
      ok: true,
      value: [`https://${query.namespace}.preview.example.com/`],
    };
  }

  async deleteNamespace(
    target: NamespaceDeleteTarget,
  ): Promise<NamespaceDeleteOutcome> {
    this.deletes.push(target);
    this.beforeDelete?.(target);
    const failure = this.deleteFailures.get(`${target.cluster}/${target.name}`);
    if (failure) throw failure;
    const list = this.namespacesOf(target.cluster);
    const namespace = list.find(n => n.name === target.name);
    if (!namespace) return 'gone';
    if (namespace.uid !== target.uid) return 'recreated';
    if (namespace.terminating) return 'terminating';
    list.splice(list.indexOf(namespace), 1);
    return 'deleted';
  }

  private problem(cluster: string): string | undefined {
    if (!this.namespaces.has(cluster)) return `unknown cluster '${cluster}'`;
    return this.unavailable.get(cluster);
  }

  private namespacesOf(cluster: string): StoredNamespace[] {
    return this.namespaces.get(cluster) ?? [];
  }
}

function liveState(cluster: string, namespace: string): LiveState {
  return {
    cluster,
    namespace,
    workloads: [],
    digests: [],
    replicas: { desired: 1, updated: 1, ready: 1, available: 1 },
    rollout: 'complete',
    health: 'healthy',
    reasons: [],
    restarts: 0,
  };
}

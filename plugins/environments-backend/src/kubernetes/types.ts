import type {
  GitOpsAgentStatus,
  LiveState,
} from '@stageline/plugin-environments-common';
import type { AgentQuery } from './AgentQuery';

/**
 * A cluster Stageline reads. Comes from `kubernetes.clusterLocatorMethods` (type `config`) or from
 * `environments.clusters` (which may point at a kubeconfig file and context). Never from catalog
 * or request data.
 */
export type ClusterDefinition = {
  name: string;
  /** API server URL; absent when the cluster comes from a kubeconfig. */
  url?: string;
  caData?: string;
  /** Path of a PEM file with the API server's CA (Backstage's `caFile`). */
  caFile?: string;
  skipTLSVerify?: boolean;
  serviceAccountToken?: string;
  kubeconfig?: { path?: string; context?: string };
};

/** A read from the in-memory cluster cache: the value, or why it is unavailable. */
export type ClusterReadResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      reason: string;
      /** What the cluster had when it was last read, through an outage of a cluster read before. */
      lastKnown?: { value: T; asOf: string };
    };

/** Which workloads belong to a service: a Kubernetes label selector string. */
export type WorkloadQuery = {
  cluster: string;
  namespace: string;
  /** e.g. `backstage.io/kubernetes-id=checkout`, or the entity's `backstage.io/kubernetes-label-selector`. */
  labelSelector: string;
  /** Image name (`stageline.io/image`) that picks the primary workload/container, when several. */
  primaryImage?: string;
};

/** A namespace as the cache holds it (labels and annotations only; nothing sensitive). */
export type NamespaceSummary = {
  name: string;
  /** Changes when a namespace of the same name is recreated; the delete precondition. */
  uid?: string;
  /** Deleted, its content still being removed. */
  terminating?: boolean;
  createdAt?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

/**
 * Reads cluster state from memory (watch-backed caches), never from the API server on a page view.
 */
export interface ClusterStateReader {
  /** Names of every configured cluster. */
  clusterNames(): string[];
  /** Name of the cluster used when an environment names none. */
  defaultClusterName(): string | undefined;
  /**
   * Live state of the service's workloads in one namespace; `value` undefined when the service
   * has no workload there. Waits (bounded) for the first list of a cluster after startup.
   */
  getLiveState(
    query: WorkloadQuery,
  ): Promise<ClusterReadResult<LiveState | undefined>>;
  /** Namespaces on a cluster whose name matches `pattern`. */
  listNamespaces(query: {
    cluster: string;
    pattern: RegExp;
  }): Promise<ClusterReadResult<NamespaceSummary[]>>;
  /** Public URLs (https://host/path) from Ingress and Traefik IngressRoute hosts of the service. */
  getUrls(query: WorkloadQuery): Promise<ClusterReadResult<string[]>>;
  /**
   * The GitOps agent (Argo CD Application or Flux Kustomization) of one environment, from the
   * cache; `value` undefined when the cluster serves neither kind or none matches. Optional:
   * readers that know no agents (test doubles) leave it out.
   */
  getAgentStatus?(
    query: AgentQuery,
  ): Promise<ClusterReadResult<GitOpsAgentStatus | undefined>>;
}

/** Which namespace to delete: the UID makes sure it is the one that was inspected. */
export type NamespaceDeleteTarget = {
  cluster: string;
  name: string;
  uid: string;
};

/**
 * What became of a namespace delete: `deleted` (now Terminating), `gone` (there was none),
 * `recreated` (a namespace of that name exists with another UID; left alone), or
 * `terminating` (already being deleted).
 */
export type NamespaceDeleteOutcome =
  | 'deleted'
  | 'gone'
  | 'recreated'
  | 'terminating';

/** Deletes namespaces with the cluster credentials Stageline is configured with. */
export interface NamespaceDeleter {
  /**
   * Deletes a namespace only if its UID is still `uid`.
   *
   * @throws NotFoundError for an unknown cluster; NotAllowedError when the cluster refuses
   *   the service account (403); ServiceUnavailableError when it rejects the credentials (401)
   *   or cannot be reached.
   */
  deleteNamespace(
    target: NamespaceDeleteTarget,
  ): Promise<NamespaceDeleteOutcome>;
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterDefinition } from '../types';

/** Options of `ClusterStateStore.create`. */
export type ClusterStateStoreOptions = {
  clusters: ClusterDefinition[];
  logger: LoggerService;
  /** Cluster used when an environment names none; the first cluster by default. */
  defaultCluster?: string;
  /** The client module; loaded with `import()` when absent (it is ESM-only). For tests. */
  kubernetesClient?: typeof import('@kubernetes/client-node');
  /** How long the first read of a cluster waits for its first lists. Default 5 s. */
  firstReadTimeoutMs?: number;
  /** Informer restart delays after errors. Default 1 s doubling to 30 s. */
  backoff?: { initialMs: number; maxMs: number };
};

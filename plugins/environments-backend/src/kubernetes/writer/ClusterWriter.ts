import { isDns1123Label } from '@stageline/plugin-environments-common';
import { InputError } from '@backstage/errors';
import type { CoreV1Api } from '@kubernetes/client-node';
import { ClusterClients } from './ClusterClients';
import { namespaceDeleteOutcome } from './namespaceDeleteOutcome';
import type {
  ClusterDefinition,
  NamespaceDeleteOutcome,
  NamespaceDeleteTarget,
  NamespaceDeleter,
} from '../types';

type K8s = typeof import('@kubernetes/client-node');

/**
 * The writes Stageline makes to clusters, over the same cluster definitions (and credentials)
 * as the ClusterStateStore that reads them. Today: deleting preview namespaces.
 */
export class ClusterWriter implements NamespaceDeleter {
  private constructor(private readonly clients: ClusterClients<CoreV1Api>) {}

  static create(options: {
    clusters: ClusterDefinition[];
    /** The client module; loaded with `import()` when absent (it is ESM-only). For tests. */
    kubernetesClient?: K8s;
  }): ClusterWriter {
    return new ClusterWriter(
      new ClusterClients({
        ...options,
        makeApi: (kubeConfig, k8s) => kubeConfig.makeApiClient(k8s.CoreV1Api),
      }),
    );
  }

  async deleteNamespace(
    target: NamespaceDeleteTarget,
  ): Promise<NamespaceDeleteOutcome> {
    const { cluster, name, uid } = target;
    if (!isDns1123Label(name) || !uid) {
      throw new InputError(
        `A namespace delete needs a DNS-1123 name and a UID, got '${name}'`,
      );
    }
    const core = await this.clients.api(cluster);
    try {
      await core.deleteNamespace({ name, body: { preconditions: { uid } } });
      return 'deleted';
    } catch (error) {
      return namespaceDeleteOutcome(cluster, name, error);
    }
  }
}

import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CoreV1Api } from '@kubernetes/client-node';
import { createClientLoader } from '../cache/createClientLoader';
import { loadKubeConfig } from '../cache/loadKubeConfig';
import { namespaceDeleteOutcome } from './namespaceDeleteOutcome';
import type {
  ClusterDefinition,
  NamespaceDeleteOutcome,
  NamespaceDeleteTarget,
  NamespaceDeleter,
} from '../types';

type K8s = typeof import('@kubernetes/client-node');

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The writes Stageline makes to clusters, over the same cluster definitions (and credentials)
 * as the ClusterStateStore that reads them. Today: deleting preview namespaces.
 */
export class ClusterWriter implements NamespaceDeleter {
  private readonly apis = new Map<string, Promise<CoreV1Api>>();

  private constructor(
    private readonly clusters: Map<string, ClusterDefinition>,
    private readonly loadClient: () => Promise<K8s>,
  ) {}

  static create(options: {
    clusters: ClusterDefinition[];
    /** The client module; loaded with `import()` when absent (it is ESM-only). For tests. */
    kubernetesClient?: K8s;
  }): ClusterWriter {
    return new ClusterWriter(
      new Map(options.clusters.map(c => [c.name, c])),
      createClientLoader(options.kubernetesClient),
    );
  }

  async deleteNamespace(
    target: NamespaceDeleteTarget,
  ): Promise<NamespaceDeleteOutcome> {
    const { cluster, name, uid } = target;
    if (!DNS_1123_LABEL.test(name) || !uid) {
      throw new InputError(
        `A namespace delete needs a DNS-1123 name and a UID, got '${name}'`,
      );
    }
    const core = await this.coreApi(cluster);
    try {
      await core.deleteNamespace({ name, body: { preconditions: { uid } } });
      return 'deleted';
    } catch (error) {
      return namespaceDeleteOutcome(cluster, name, error);
    }
  }

  private coreApi(cluster: string): Promise<CoreV1Api> {
    const definition = this.clusters.get(cluster);
    if (!definition) {
      return Promise.reject(new NotFoundError(`Unknown cluster '${cluster}'`));
    }
    let api = this.apis.get(cluster);
    if (!api) {
      api = this.makeCoreApi(definition);
      this.apis.set(cluster, api);
      // A broken kubeconfig may be fixed on disk; do not remember the failure.
      api.catch(() => this.apis.delete(cluster));
    }
    return api;
  }

  private async makeCoreApi(definition: ClusterDefinition): Promise<CoreV1Api> {
    const k8s = await this.loadClient();
    try {
      return loadKubeConfig(k8s, definition).makeApiClient(k8s.CoreV1Api);
    } catch (error) {
      throw new ServiceUnavailableError(
        `cluster '${definition.name}' cannot be written: ${
          (error as Error).message
        }`,
      );
    }
  }
}

import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import { createClientLoader } from '../cache/createClientLoader';
import { loadKubeConfig } from '../cache/loadKubeConfig';
import type { ClusterDefinition } from '../types';

type K8s = typeof import('@kubernetes/client-node');

/**
 * The API clients the cluster writers use, one per configured cluster, made on first use with
 * the credentials Stageline is configured with for it.
 */
export class ClusterClients<Api> {
  readonly #clusters: Map<string, ClusterDefinition>;
  readonly #apis = new Map<string, Promise<Api>>();
  readonly #makeApi: (kubeConfig: KubeConfig, k8s: K8s) => Api;
  /** The client module; loaded with `import()` once (it is ESM-only). */
  readonly loadClient: () => Promise<K8s>;

  constructor(options: {
    clusters: ClusterDefinition[];
    /** The client module; loaded with `import()` when absent. For tests. */
    kubernetesClient?: K8s;
    makeApi: (kubeConfig: KubeConfig, k8s: K8s) => Api;
  }) {
    this.#clusters = new Map(options.clusters.map(c => [c.name, c]));
    this.loadClient = createClientLoader(options.kubernetesClient);
    this.#makeApi = options.makeApi;
  }

  /**
   * @throws NotFoundError for an unknown cluster, ServiceUnavailableError when its kubeconfig
   *   cannot be loaded.
   */
  api(cluster: string): Promise<Api> {
    const definition = this.#clusters.get(cluster);
    if (!definition) {
      return Promise.reject(new NotFoundError(`Unknown cluster '${cluster}'`));
    }
    let api = this.#apis.get(cluster);
    if (!api) {
      api = this.#make(definition);
      this.#apis.set(cluster, api);
      // A broken kubeconfig may be fixed on disk; do not remember the failure.
      api.catch(() => this.#apis.delete(cluster));
    }
    return api;
  }

  async #make(definition: ClusterDefinition): Promise<Api> {
    const k8s = await this.loadClient();
    try {
      return this.#makeApi(loadKubeConfig(k8s, definition), k8s);
    } catch (error) {
      throw new ServiceUnavailableError(
        `cluster '${definition.name}' cannot be written: ${
          (error as Error).message
        }`,
      );
    }
  }
}

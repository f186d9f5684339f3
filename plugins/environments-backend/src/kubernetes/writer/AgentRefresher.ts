import { isDns1123Label } from '@stageline/plugin-environments-common';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CustomObjectsApi } from '@kubernetes/client-node';
import type { GitOpsAgentKind } from '@stageline/plugin-environments-common';
import { describeClusterError } from '../cache/describeClusterError';
import type { ClusterDefinition } from '../types';
import { ClusterClients } from './ClusterClients';
import { refreshPatch } from './refreshPatch';

type K8s = typeof import('@kubernetes/client-node');

const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

const RESOURCES: Record<
  GitOpsAgentKind,
  { group: string; version: string; plural: string }
> = {
  'argo-cd': {
    group: 'argoproj.io',
    version: 'v1alpha1',
    plural: 'applications',
  },
  flux: {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    plural: 'kustomizations',
  },
};

/** The agent object to nudge. */
export type AgentRefreshTarget = {
  kind: GitOpsAgentKind;
  cluster: string;
  namespace: string;
  name: string;
};

/**
 * Asks a GitOps agent to sync now (the optional nudge after a promotion commit): one JSON merge
 * patch of one annotation on its Application or Kustomization, with the cluster credentials
 * Stageline is configured with.
 */
export class AgentRefresher {
  private constructor(
    private readonly clients: ClusterClients<CustomObjectsApi>,
  ) {}

  static create(options: {
    clusters: ClusterDefinition[];
    /** The client module; loaded with `import()` when absent (it is ESM-only). For tests. */
    kubernetesClient?: K8s;
  }): AgentRefresher {
    return new AgentRefresher(
      new ClusterClients({
        ...options,
        makeApi: (kubeConfig, k8s) =>
          kubeConfig.makeApiClient(k8s.CustomObjectsApi),
      }),
    );
  }

  /**
   * @throws InputError for an invalid name, NotFoundError for an unknown cluster or object,
   *   NotAllowedError when the cluster refuses the patch (403), ServiceUnavailableError else.
   */
  async refresh(target: AgentRefreshTarget, now: Date): Promise<void> {
    const { cluster, namespace, name, kind } = target;
    if (!isDns1123Label(namespace) || !DNS_1123_SUBDOMAIN.test(name)) {
      throw new InputError(
        `An agent refresh needs a DNS-1123 namespace and name, got '${namespace}/${name}'`,
      );
    }
    const api = await this.clients.api(cluster);
    const k8s = await this.clients.loadClient();
    try {
      await api.patchNamespacedCustomObject(
        { ...RESOURCES[kind], namespace, name, body: refreshPatch(kind, now) },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
    } catch (error) {
      const status = (error as { code?: unknown }).code;
      const reason = describeClusterError(
        cluster,
        `annotating ${RESOURCES[kind].plural} '${namespace}/${name}'`,
        error,
      );
      if (status === 404) throw new NotFoundError(reason);
      if (status === 403) {
        throw new NotAllowedError(
          `${reason}; its service account needs the 'patch' verb on '${RESOURCES[kind].plural}'`,
        );
      }
      throw new ServiceUnavailableError(reason);
    }
  }
}

import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterDefinition } from '../types';

type K8s = typeof import('@kubernetes/client-node');

/**
 * A KubeConfig for one configured cluster: built from url, token and CA, or read from a
 * kubeconfig file (default location when no path) and context.
 *
 * @throws Error saying what is wrong with the kubeconfig; never containing credentials.
 */
export function loadKubeConfig(
  k8s: K8s,
  definition: ClusterDefinition,
): KubeConfig {
  const kc = new k8s.KubeConfig();
  if (definition.url) {
    kc.loadFromOptions({
      clusters: [
        {
          name: definition.name,
          server: definition.url,
          caData: definition.caData,
          caFile: definition.caFile,
          // client-node refuses http:// unless skipTLSVerify is set, although there is no TLS
          // to verify; Backstage's Kubernetes backend accepts such URLs, so we do too.
          skipTLSVerify:
            (definition.skipTLSVerify ?? false) ||
            definition.url.startsWith('http:'),
        },
      ],
      users: [{ name: 'stageline', token: definition.serviceAccountToken }],
      contexts: [
        { name: definition.name, cluster: definition.name, user: 'stageline' },
      ],
      currentContext: definition.name,
    });
    return kc;
  }
  const path = definition.kubeconfig?.path;
  if (path) {
    kc.loadFromFile(path);
  } else {
    kc.loadFromDefault();
    // loadFromDefault falls back to an unauthenticated localhost:8080 when it finds nothing.
    if (
      kc.currentContext === 'loaded-context' &&
      kc.getCurrentCluster()?.server === 'http://localhost:8080'
    ) {
      throw new Error(
        'no kubeconfig found: $KUBECONFIG is unset, ~/.kube/config does not exist and Backstage does not run in a cluster',
      );
    }
  }
  const context = definition.kubeconfig?.context;
  if (context) {
    if (!kc.getContextObject(context)) {
      throw new Error(`context '${context}' is not in the kubeconfig`);
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentCluster()) {
    throw new Error('the kubeconfig has no current context with a cluster');
  }
  return kc;
}

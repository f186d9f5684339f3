import { buildLimitRange } from '../manifests/buildLimitRange';
import { buildNamespace } from '../manifests/buildNamespace';
import { buildNetworkPolicies } from '../manifests/buildNetworkPolicies';
import { buildRbac } from '../manifests/buildRbac';
import { buildResourceQuota } from '../manifests/buildResourceQuota';
import { KubernetesObject } from '../manifests/types';
import { NamespaceLayer } from '../manifests/layoutTypes';

/**
 * The namespace-level manifests of one namespace, by file name. Whoever owns the namespace writes
 * them, and only they do: the environment layer for a shared namespace, the service for its own.
 */
export function buildNamespaceLayerManifests(
  layer: NamespaceLayer,
): Record<string, KubernetesObject | KubernetesObject[]> {
  return {
    'namespace.yaml': buildNamespace(layer),
    'resource-quota.yaml': buildResourceQuota(layer),
    'limit-range.yaml': buildLimitRange(layer),
    'network-policies.yaml': buildNetworkPolicies(),
    'rbac.yaml': buildRbac(layer.kind, layer.rbac),
  };
}

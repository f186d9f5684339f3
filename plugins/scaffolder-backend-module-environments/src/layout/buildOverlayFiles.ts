import { posix } from 'node:path';
import { buildHorizontalPodAutoscaler } from '../manifests/buildHorizontalPodAutoscaler';
import { buildIngress } from '../manifests/buildIngress';
import { buildIngressRoute } from '../manifests/buildIngressRoute';
import { buildLimitRange } from '../manifests/buildLimitRange';
import { buildNamespace } from '../manifests/buildNamespace';
import { buildNetworkPolicies } from '../manifests/buildNetworkPolicies';
import { buildOverlayKustomization } from '../manifests/buildOverlayKustomization';
import { buildPodDisruptionBudget } from '../manifests/buildPodDisruptionBudget';
import { buildRbac } from '../manifests/buildRbac';
import { buildResourceQuota } from '../manifests/buildResourceQuota';
import { toYaml } from '../files/toYaml';
import { toYamlDocuments } from '../files/toYamlDocuments';
import { EnvironmentLayout, ServiceLayout, WorkspaceFile } from './types';

/** Every file of one environment's overlay folder. */
export function buildOverlayFiles(
  layout: ServiceLayout,
  env: EnvironmentLayout,
): WorkspaceFile[] {
  const buildRoute =
    layout.ingress.kind === 'Ingress' ? buildIngress : buildIngressRoute;
  const manifests: Record<string, object | object[]> = {
    'namespace.yaml': buildNamespace(layout, env),
    'resource-quota.yaml': buildResourceQuota(env),
    'limit-range.yaml': buildLimitRange(env),
    'network-policies.yaml': buildNetworkPolicies(layout.ingress),
    'rbac.yaml': buildRbac(env, layout.rbac),
    'ingress.yaml': buildRoute(layout.name, env, layout.ingress),
  };
  if (env.kind === 'protected') {
    manifests['hpa.yaml'] = buildHorizontalPodAutoscaler(layout.name, env);
    manifests['pdb.yaml'] = buildPodDisruptionBudget(layout.name, env);
  }
  const folder = `${layout.overlaysPath}/${env.name}`;
  const kustomization = buildOverlayKustomization({
    service: layout.name,
    image: layout.image,
    env,
    baseRef: posix.relative(folder, layout.basePath),
    resources: Object.keys(manifests),
    patchToYaml: toYaml,
  });
  return Object.entries({
    'kustomization.yaml': kustomization,
    ...manifests,
  }).map(([file, value]) => ({
    path: `${folder}/${file}`,
    content: Array.isArray(value) ? toYamlDocuments(value) : toYaml(value),
  }));
}

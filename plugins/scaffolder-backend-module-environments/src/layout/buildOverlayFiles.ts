import { posix } from 'node:path';
import { buildHorizontalPodAutoscaler } from '../manifests/buildHorizontalPodAutoscaler';
import { buildIngress } from '../manifests/buildIngress';
import { buildIngressRoute } from '../manifests/buildIngressRoute';
import { buildOverlayKustomization } from '../manifests/buildOverlayKustomization';
import { buildPodDisruptionBudget } from '../manifests/buildPodDisruptionBudget';
import { buildServiceNetworkPolicy } from '../manifests/buildServiceNetworkPolicy';
import { KubernetesObject } from '../manifests/types';
import { toYaml } from '../files/toYaml';
import { toYamlDocuments } from '../files/toYamlDocuments';
import { buildNamespaceLayerManifests } from './buildNamespaceLayerManifests';
import { EnvironmentLayout, ServiceLayout } from '../manifests/layoutTypes';
import { WorkspaceFile } from '../files/workspaceFile';

/**
 * Every file of one environment's overlay folder: the service's own objects, plus the
 * namespace-level ones only where the service owns the namespace (its own namespace or a
 * preview). In a shared namespace the overlay only references it.
 */
export function buildOverlayFiles(
  layout: ServiceLayout,
  env: EnvironmentLayout,
): WorkspaceFile[] {
  const buildRoute =
    layout.ingress.kind === 'Ingress' ? buildIngress : buildIngressRoute;
  const manifests: Record<string, KubernetesObject | KubernetesObject[]> = {
    ...(env.ownsNamespace &&
      buildNamespaceLayerManifests({
        environment: env.name,
        namespace: env.namespace,
        kind: env.kind,
        owner: layout.owner,
        service: layout.name,
        podSecurity: layout.podSecurity,
        sizing: env.sizing,
        rbac: layout.rbac,
      })),
    'service-network-policy.yaml': buildServiceNetworkPolicy(
      layout.name,
      layout.ingress,
    ),
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

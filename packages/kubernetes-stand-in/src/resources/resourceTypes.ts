import type { ResourceType } from './ResourceType';

const BUILT_IN: ResourceType[] = [
  core('Namespace', 'namespaces', false, ['ns']),
  core('Pod', 'pods', true, ['po']),
  core('Service', 'services', true, ['svc']),
  core('ConfigMap', 'configmaps', true, ['cm']),
  core('LimitRange', 'limitranges', true, ['limits']),
  core('ResourceQuota', 'resourcequotas', true, ['quota']),
  typed('apps', 'v1', 'Deployment', 'deployments', ['deploy']),
  typed('apps', 'v1', 'StatefulSet', 'statefulsets', ['sts']),
  typed('apps', 'v1', 'ReplicaSet', 'replicasets', ['rs']),
  typed('apps', 'v1', 'DaemonSet', 'daemonsets', ['ds']),
  typed('batch', 'v1', 'Job', 'jobs'),
  typed('batch', 'v1', 'CronJob', 'cronjobs', ['cj']),
  typed(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    ['hpa'],
  ),
  typed('networking.k8s.io', 'v1', 'Ingress', 'ingresses', ['ing']),
];

const TRAEFIK: ResourceType[] = [
  {
    ...typed('traefik.io', 'v1alpha1', 'IngressRoute', 'ingressroutes'),
    custom: true,
  },
];

// The GitOps agents' kinds; their status shapes are the projects' own (see gitOpsAgentObjects).
const ARGO_CD: ResourceType[] = [
  {
    ...typed('argoproj.io', 'v1alpha1', 'Application', 'applications', [
      'app',
      'apps',
    ]),
    custom: true,
  },
];

const FLUX: ResourceType[] = [
  {
    ...typed(
      'kustomize.toolkit.fluxcd.io',
      'v1',
      'Kustomization',
      'kustomizations',
      ['ks'],
    ),
    custom: true,
  },
];

/** Every kind the stand-in serves; custom kinds only when their CRD is "installed". */
export function resourceTypes(options: {
  traefik: boolean;
  argoCd?: boolean;
  flux?: boolean;
}): ResourceType[] {
  return [
    ...BUILT_IN,
    ...(options.traefik ? TRAEFIK : []),
    ...(options.argoCd ? ARGO_CD : []),
    ...(options.flux ? FLUX : []),
  ];
}

function core(
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[],
): ResourceType {
  return {
    group: '',
    version: 'v1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
  };
}

function typed(
  group: string,
  version: string,
  kind: string,
  plural: string,
  shortNames?: string[],
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: true,
    ...(shortNames && { shortNames }),
  };
}

import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import type { WatchedKind } from './WatchedKind';
import { projectArgoApplication } from './project/projectArgoApplication';
import { projectFluxKustomization } from './project/projectFluxKustomization';

type AnyList = Promise<KubernetesListObject<KubernetesObject>>;

/**
 * Argo CD Applications, watched only on clusters that serve `argoproj.io/v1alpha1`. Not label
 * filtered: Applications carry no service label, and a cluster holds few of them.
 */
export const ARGO_APPLICATIONS: WatchedKind = {
  name: 'applications',
  path: '/apis/argoproj.io/v1alpha1/applications',
  optional: { group: 'argoproj.io', version: 'v1alpha1' },
  list: apis =>
    apis.custom.listClusterCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'applications',
    }) as AnyList,
  project: o => projectArgoApplication(o),
};

/** Flux Kustomizations, watched only on clusters that serve `kustomize.toolkit.fluxcd.io/v1`. */
export const FLUX_KUSTOMIZATIONS: WatchedKind = {
  name: 'kustomizations',
  path: '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations',
  optional: { group: 'kustomize.toolkit.fluxcd.io', version: 'v1' },
  list: apis =>
    apis.custom.listClusterCustomObject({
      group: 'kustomize.toolkit.fluxcd.io',
      version: 'v1',
      plural: 'kustomizations',
    }) as AnyList,
  project: o => projectFluxKustomization(o),
};

import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import type { ObjectMeta } from '../objectTypes';
import type { KindName } from './KindName';
import type { KubernetesApis } from './KubernetesApis';

/** How to list, watch and slim down one kind. */
export type WatchedKind = {
  name: KindName;
  /** Watch path across all namespaces, e.g. `/apis/apps/v1/deployments`. */
  path: string;
  /** Watched only where discovery of this group version lists the kind (a CRD). */
  optional?: { group: string; version: string };
  /** Server-side filter, on both the list and the watch. */
  labelSelector?: string;
  list(
    apis: KubernetesApis,
    labelSelector?: string,
  ): Promise<KubernetesListObject<KubernetesObject>>;
  /** The slice of the object the cache keeps. */
  project(object: KubernetesObject): { metadata: ObjectMeta };
};

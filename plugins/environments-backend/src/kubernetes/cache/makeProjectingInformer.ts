import type {
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import type { ObjectMeta } from '../objectTypes';

type K8s = typeof import('@kubernetes/client-node');

// Watch events whose object is a resource; ERROR carries a Status, BOOKMARK only a version.
const OBJECT_EVENTS = new Set(['ADDED', 'MODIFIED', 'DELETED']);

/**
 * client-node's informer, fed the projected slice of each object instead of the whole object.
 * The informer keeps every object it saw (to diff re-lists); given slices, it keeps slices, and
 * the index shares them, so a cluster's objects are held once and small. Projections keep name,
 * namespace and resourceVersion, which is all the informer reads.
 */
export function makeProjectingInformer(options: {
  k8s: K8s;
  kubeConfig: KubeConfig;
  path: string;
  labelSelector?: string;
  list: () => Promise<KubernetesListObject<KubernetesObject>>;
  project: (object: KubernetesObject) => { metadata: ObjectMeta };
}) {
  const { k8s, project } = options;
  const watch = new k8s.Watch(options.kubeConfig);
  const projectingWatch = {
    watch: (
      path: string,
      query: Record<string, string | number | boolean | undefined>,
      callback: (phase: string, object: any, raw?: any) => void,
      done: (error: any) => void,
    ) =>
      watch.watch(
        path,
        query,
        (phase, object) =>
          callback(phase, OBJECT_EVENTS.has(phase) ? asObject(object) : object),
        done,
      ),
  } as InstanceType<K8s['Watch']>;
  const list = async () => {
    const result = await options.list();
    return { ...result, items: result.items.map(asObject) };
  };
  // The informer's objects are the slices it is given: its events hand them back as such.
  return new k8s.ListWatch<KubernetesObject>(
    options.path,
    projectingWatch,
    list,
    false,
    options.labelSelector,
  );

  function asObject(object: KubernetesObject): KubernetesObject {
    return project(object) as unknown as KubernetesObject;
  }
}

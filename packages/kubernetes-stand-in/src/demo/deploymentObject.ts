import { formatImageReference } from '@stageline/plugin-environments-common';
import type { StandInObject } from '../StandInObject';
import type { DemoWorkload } from './DemoWorkload';
import { demoUid } from './demoUid';
import { ID_LABEL } from './ID_LABEL';

/**
 * The Deployment running `workload`, with the status the Deployment controller reports: while
 * rolling out, `oldReplicas` pods of the previous version are still up and the new ones are
 * not ready yet; once complete, every replica is updated and available.
 */
export function deploymentObject(
  workload: DemoWorkload,
  rollout: { complete: true } | { complete: false; oldReplicas: number },
): StandInObject {
  const { service, namespace, replicas, revision } = workload;
  const labels = { [ID_LABEL]: service, 'app.kubernetes.io/name': service };
  const old = rollout.complete ? 0 : rollout.oldReplicas;
  const newReady = rollout.complete ? replicas : 0;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: service,
      namespace,
      uid: demoUid('Deployment', namespace, service),
      labels,
      generation: revision,
    },
    spec: {
      replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': service } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            { name: service, image: formatImageReference(workload.image) },
          ],
        },
      },
    },
    status: {
      observedGeneration: revision,
      replicas: replicas + old,
      updatedReplicas: replicas,
      readyReplicas: newReady + old,
      availableReplicas: newReady + old,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: rollout.complete
            ? 'NewReplicaSetAvailable'
            : 'ReplicaSetUpdated',
        },
      ],
    },
  };
}

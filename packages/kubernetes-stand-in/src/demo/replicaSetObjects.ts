import { formatImageReference } from '@stageline/plugin-environments-common';
import type { StandInObject } from '../StandInObject';
import { demoUid } from './demoUid';
import { digestOf } from './digestOf';
import type { DemoWorkload } from './DemoWorkload';
import { ID_LABEL } from './ID_LABEL';
import { replicaSetName } from './replicaSetName';

/**
 * The ReplicaSet of one version and its pods: running and ready with the image's digest, or
 * still being created (not ready, no imageID yet) while a rollout progresses.
 */
export function replicaSetObjects(
  workload: DemoWorkload,
  options: { ready: boolean },
): StandInObject[] {
  const { service, namespace, replicas } = workload;
  const rsName = replicaSetName(workload);
  const labels = { [ID_LABEL]: service, 'app.kubernetes.io/name': service };
  const replicaSet: StandInObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace,
      uid: demoUid('ReplicaSet', namespace, rsName),
      labels,
      annotations: {
        'deployment.kubernetes.io/revision': String(workload.revision),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: service,
          uid: demoUid('Deployment', namespace, service),
          controller: true,
        },
      ],
    },
    spec: { replicas },
    status: {
      replicas,
      readyReplicas: options.ready ? replicas : 0,
      availableReplicas: options.ready ? replicas : 0,
    },
  };
  const pods = Array.from({ length: replicas }, (_, i) =>
    podObject(workload, `${rsName}-${i}`, rsName, options.ready),
  );
  return [replicaSet, ...pods];
}

function podObject(
  workload: DemoWorkload,
  name: string,
  rsName: string,
  ready: boolean,
): StandInObject {
  const image = formatImageReference(workload.image);
  const startedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: workload.namespace,
      labels: {
        [ID_LABEL]: workload.service,
        'app.kubernetes.io/name': workload.service,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rsName,
          uid: demoUid('ReplicaSet', workload.namespace, rsName),
          controller: true,
        },
      ],
    },
    spec: { containers: [{ name: workload.service, image }] },
    status: {
      phase: ready ? 'Running' : 'Pending',
      startTime: startedAt,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [
        {
          name: workload.service,
          image,
          imageID: ready
            ? `docker-pullable://${workload.image.name}@${digestOf(
                workload.image,
              )}`
            : '',
          ready,
          restartCount: 0,
          state: ready
            ? { running: { startedAt } }
            : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  };
}

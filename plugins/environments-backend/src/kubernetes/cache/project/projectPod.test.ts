import type { V1Pod } from '@kubernetes/client-node';
import { projectPod } from './projectPod';

describe('projectPod', () => {
  it('keeps statuses and turns Date objects from typed lists into Kubernetes times', () => {
    const pod = {
      metadata: {
        name: 'p',
        namespace: 'qa',
        creationTimestamp: new Date('2024-05-01T10:00:00Z'),
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': 'canary',
        },
        managedFields: [{ manager: 'canary' }],
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'rs',
            uid: 'u',
            controller: true,
          },
        ],
      },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'app:1',
            env: [{ name: 'SECRET', value: 'canary' }],
            envFrom: [{ secretRef: { name: 'canary' } }],
            args: ['--password=canary'],
          },
        ],
      },
      status: {
        phase: 'Running',
        startTime: new Date('2024-05-01T10:00:01Z'),
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: new Date('2024-05-01T10:00:05Z'),
            message: 'canary',
          },
        ],
        containerStatuses: [
          {
            name: 'app',
            image: 'app:1',
            imageID: 'app@sha256:x',
            ready: true,
            restartCount: 1,
            state: { running: { startedAt: '2024-05-01T10:00:02Z' } },
            lastState: {
              terminated: { reason: 'Error', exitCode: 1, message: 'canary' },
            },
          },
        ],
      },
    } as unknown as V1Pod;
    const projected = projectPod(pod);
    expect(projected).toEqual({
      metadata: {
        name: 'p',
        namespace: 'qa',
        creationTimestamp: '2024-05-01T10:00:00Z',
        ownerReferences: [{ kind: 'ReplicaSet', name: 'rs', controller: true }],
      },
      spec: { containers: [{ name: 'app', image: 'app:1' }] },
      status: {
        phase: 'Running',
        startTime: '2024-05-01T10:00:01Z',
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: '2024-05-01T10:00:05Z',
          },
        ],
        containerStatuses: [
          {
            name: 'app',
            image: 'app:1',
            imageID: 'app@sha256:x',
            ready: true,
            restartCount: 1,
            state: { running: { startedAt: '2024-05-01T10:00:02Z' } },
            lastState: { terminated: { reason: 'Error', exitCode: 1 } },
          },
        ],
      },
    });
    expect(JSON.stringify(projected)).not.toContain('canary');
  });
});

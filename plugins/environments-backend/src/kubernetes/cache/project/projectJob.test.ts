import type { V1Job } from '@kubernetes/client-node';
import { jobObject } from '../../__testUtils__/jobObject';
import { projectJob } from './projectJob';

describe('projectJob', () => {
  it('keeps images, Complete/Failed conditions, counts and times; never env or args', () => {
    const projected = projectJob(
      jobObject({ name: 'migrate', phase: 'failed' }) as unknown as V1Job,
    );
    expect(projected).toEqual({
      metadata: {
        name: 'migrate',
        namespace: 'qa',
        creationTimestamp: '2024-05-01T10:00:00Z',
        labels: { 'backstage.io/kubernetes-id': 'checkout' },
      },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'migrate',
                image: 'registry.example.com/shop/checkout:v2',
              },
            ],
          },
        },
      },
      status: {
        active: 0,
        succeeded: 0,
        failed: 1,
        startTime: '2024-05-01T10:00:01Z',
        completionTime: '2024-05-01T10:01:00Z',
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
            lastTransitionTime: undefined,
          },
        ],
      },
    });
    expect(JSON.stringify(projected)).not.toContain('not-kept');
  });
});

import { ID_LABEL, IMAGE } from './workloadObjects';

/** The phases a test Job can be in, written as a Job controller writes its status. */
export type TestJobPhase = 'pending' | 'running' | 'succeeded' | 'failed';

/** A batch/v1 Job of service `id` as the Job controller reports it in `phase`. */
export function jobObject(options: {
  name: string;
  phase: TestJobPhase;
  namespace?: string;
  id?: string;
  image?: string;
  labels?: Record<string, string>;
  createdAt?: string;
  failureMessage?: string;
}) {
  const { phase } = options;
  const done = phase === 'succeeded' || phase === 'failed';
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? 'qa',
      creationTimestamp: options.createdAt ?? '2024-05-01T10:00:00Z',
      labels: { [ID_LABEL]: options.id ?? 'checkout', ...options.labels },
    },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { labels: { [ID_LABEL]: options.id ?? 'checkout' } },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'migrate',
              image: options.image ?? `${IMAGE}:v2`,
              args: ['migrate', '--password=not-kept'],
              env: [{ name: 'DB_PASSWORD', value: 'not-kept' }],
            },
          ],
        },
      },
    },
    status: {
      startTime: '2024-05-01T10:00:01Z',
      active: phase === 'running' ? 1 : 0,
      succeeded: phase === 'succeeded' ? 1 : 0,
      failed: phase === 'failed' ? 1 : 0,
      ...(done && { completionTime: '2024-05-01T10:01:00Z' }),
      conditions: [
        ...(phase === 'failed'
          ? [
              { type: 'FailureTarget', status: 'True', reason: 'Ignored' },
              {
                type: 'Failed',
                status: 'True',
                reason: 'BackoffLimitExceeded',
                message:
                  options.failureMessage ??
                  'Job has reached the specified backoff limit',
              },
            ]
          : []),
        ...(phase === 'succeeded'
          ? [{ type: 'Complete', status: 'True' }]
          : []),
      ],
    },
  };
}

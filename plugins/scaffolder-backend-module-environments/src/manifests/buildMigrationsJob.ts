import { ServiceLayout } from '../layout/types';
import { KubernetesObject } from './types';
import { workloadLabels } from './workloadLabels';

/**
 * The base migrations Job from the K3s article: runs `/app/migrate up` from the service image,
 * retried three times within five minutes.
 */
export function buildMigrationsJob(layout: ServiceLayout): KubernetesObject {
  const labels = workloadLabels(layout.name);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${layout.name}-migrate`, labels },
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 300,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'OnFailure',
          containers: [
            {
              name: 'migrate',
              image: layout.image,
              command: ['/app/migrate', 'up'],
              securityContext: {
                runAsNonRoot: true,
                allowPrivilegeEscalation: false,
              },
            },
          ],
        },
      },
    },
  };
}

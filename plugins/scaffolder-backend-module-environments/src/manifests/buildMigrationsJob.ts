import { ServiceLayout } from './layoutTypes';
import { restrictedPodSettings } from './restrictedPodSettings';
import { KubernetesObject } from './types';
import { workloadLabels } from './workloadLabels';

/**
 * How the migrations Job runs once per release, before the rollout, although its name stays the
 * same: Argo CD runs it as a `PreSync` hook (the Deployment syncs only once it has succeeded) and
 * deletes the previous release's Job before creating the new one; Flux recreates it whenever its
 * pod template (the image) changes, since a Job's template is immutable.
 */
export const MIGRATIONS_JOB_ANNOTATIONS = {
  'argocd.argoproj.io/hook': 'PreSync',
  'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
  'kustomize.toolkit.fluxcd.io/force': 'enabled',
} as const;

/**
 * The base migrations Job: runs the migrations command from the release's image (the overlays'
 * `images` entry pins it as for the Deployment). `backoffLimit: 0`: a failed migration is not
 * retried on a half-migrated schema; it fails the release. Its pods are labelled
 * `app: <service>-migrate`, so the Service, PodDisruptionBudget and network policy of the
 * service (which select `app: <service>`) never count or route to them.
 */
export function buildMigrationsJob(
  layout: ServiceLayout,
  command: string[],
): KubernetesObject {
  const labels = {
    ...workloadLabels(layout.name),
    app: `${layout.name}-migrate`,
  };
  const pod = restrictedPodSettings();
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${layout.name}-migrate`,
      labels,
      annotations: { ...MIGRATIONS_JOB_ANNOTATIONS },
    },
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: 600,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          securityContext: pod.podSecurityContext,
          containers: [
            {
              name: 'migrate',
              image: layout.image,
              command,
              securityContext: pod.containerSecurityContext,
              volumeMounts: pod.volumeMounts,
            },
          ],
          volumes: pod.volumes,
        },
      },
    },
  };
}

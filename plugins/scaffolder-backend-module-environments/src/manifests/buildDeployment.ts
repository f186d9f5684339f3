import { ServiceLayout } from './layoutTypes';
import { restrictedPodSettings } from './restrictedPodSettings';
import { KubernetesObject } from './types';
import { workloadLabels } from './workloadLabels';

/**
 * The base Deployment: one container with probes on the health path, base resources and the
 * `restricted` Pod Security settings.
 */
export function buildDeployment(layout: ServiceLayout): KubernetesObject {
  const labels = workloadLabels(layout.name);
  const pod = restrictedPodSettings();
  const probe = (initialDelaySeconds: number, periodSeconds: number) => ({
    httpGet: { path: layout.healthPath, port: 'http' },
    initialDelaySeconds,
    periodSeconds,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: layout.name, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: layout.name } },
      template: {
        metadata: { labels },
        spec: {
          securityContext: pod.podSecurityContext,
          containers: [
            {
              name: layout.name,
              // The overlays pin the tag through their `images` entry.
              image: layout.image,
              ports: [{ name: 'http', containerPort: layout.port }],
              readinessProbe: probe(5, 5),
              livenessProbe: probe(15, 20),
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
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

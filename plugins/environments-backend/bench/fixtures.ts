import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';
import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';

/** Scenario data of the environments benchmark: cluster objects, overlays and entities. */

export const ID_LABEL = 'backstage.io/kubernetes-id';
export const ENVIRONMENTS = ['qa', 'staging', 'uat', 'production'];
export const GITOPS_REPO = 'bench/gitops';

export const serviceId = (i: number) => `svc-${i}`;
export const imageName = (id: string) => `registry.example.com/${id}`;

/** Deterministic 40-hex tag and sha256 digest of what service `id` runs in `env`. */
export function versionOf(id: string, env: string) {
  const tag = createHash('sha1').update(`${id}/${env}`).digest('hex');
  const digest = `sha256:${createHash('sha256')
    .update(`${id}/${env}`)
    .digest('hex')}`;
  return { tag, digest };
}

export function entityOf(id: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: id,
      namespace: 'default',
      annotations: {
        [ID_LABEL]: id,
        'stageline.io/gitops-repo': GITOPS_REPO,
        'stageline.io/overlays-path': `apps/${id}/overlays`,
      },
    },
    spec: { type: 'service', owner: 'team-bench', lifecycle: 'production' },
  };
}

export function kustomizationOf(id: string, env: string): string {
  const { tag, digest } = versionOf(id, env);
  return [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../../base',
    'images:',
    `  - name: ${imageName(id)}`,
    `    newTag: ${tag}`,
    `    digest: ${digest}`,
    '',
  ].join('\n');
}

/**
 * Every overlay of the GitOps repository, `apps/<id>/overlays/<env>/kustomization.yaml`, and
 * each service's owner file naming its entity.
 */
export function overlayFiles(services: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < services; i++) {
    const id = serviceId(i);
    files[
      `apps/${id}/overlays/${OVERLAY_OWNER_FILE}`
    ] = `entity: component:default/${id}\n`;
    for (const env of ENVIRONMENTS) {
      files[`apps/${id}/overlays/${env}/kustomization.yaml`] = kustomizationOf(
        id,
        env,
      );
    }
  }
  return files;
}

/** Applies one Deployment, its ReplicaSet and `pods` ready pods of service `id`. */
export function applyWorkload(
  standIn: KubernetesStandIn,
  options: { id: string; namespace: string; version: string; pods?: number },
) {
  const { id, namespace } = options;
  const { tag, digest } = versionOf(id, options.version);
  const image = `${imageName(id)}:${tag}`;
  const hash = tag.slice(0, 10);
  const replicas = options.pods ?? 2;
  const labels = { [ID_LABEL]: id, app: id };
  const podLabels = { ...labels, 'pod-template-hash': hash };
  const containers = [{ name: 'app', image }];
  const deployment = standIn.apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: id, namespace, generation: 1, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers } },
    },
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
        },
      ],
    },
  });
  const replicaSetName = `${id}-${hash}`;
  const replicaSet = standIn.apply({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: replicaSetName,
      namespace,
      generation: 1,
      labels: podLabels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: id,
          uid: deployment.metadata.uid,
          controller: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: podLabels },
      template: { metadata: { labels: podLabels }, spec: { containers } },
    },
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
    },
  });
  for (let p = 0; p < replicas; p++) {
    standIn.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${replicaSetName}-${p}`,
        namespace,
        labels: podLabels,
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: replicaSetName,
            uid: replicaSet.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: { containers },
      status: {
        phase: 'Running',
        startTime: '2024-05-01T10:00:00Z',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          {
            name: 'app',
            image,
            imageID: `${imageName(id)}@${digest}`,
            ready: true,
            started: true,
            restartCount: 0,
            state: { running: { startedAt: '2024-05-01T10:00:05Z' } },
          },
        ],
      },
    });
  }
}

import { EnvironmentLayout } from './layoutTypes';
import { PLACEHOLDERS } from './placeholders';
import { KubernetesObject } from './types';

/** Input of {@link buildOverlayKustomization}. */
export type OverlayKustomizationInput = {
  service: string;
  image: string;
  env: EnvironmentLayout;
  /** Path of the base, relative to the overlay folder. */
  baseRef: string;
  resources: string[];
  /** Serialises a JSON 6902 patch; YAML comes from the yaml library, never from templates. */
  patchToYaml: (ops: object[]) => string;
};

/**
 * The overlay kustomization: namespace, base plus the overlay's files, replica and resource
 * patches (and zero-downtime rollouts in protected environments), and the `images` entry
 * whose tag CI or a promotion replaces.
 */
export function buildOverlayKustomization(
  input: OverlayKustomizationInput,
): KubernetesObject {
  const { env, service } = input;
  const target = { kind: 'Deployment', name: service };
  const ops: object[][] = [
    [{ op: 'replace', path: '/spec/replicas', value: env.sizing.replicas }],
    [
      {
        op: 'replace',
        path: '/spec/template/spec/containers/0/resources',
        value: { requests: env.sizing.requests, limits: env.sizing.limits },
      },
    ],
  ];
  if (env.kind === 'protected') {
    ops.push([
      {
        op: 'add',
        path: '/spec/strategy',
        value: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
        },
      },
    ]);
  }
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: env.namespace,
    resources: [input.baseRef, ...input.resources],
    patches: ops.map(patch => ({ patch: input.patchToYaml(patch), target })),
    images: [{ name: input.image, newTag: PLACEHOLDERS.gitSha }],
  };
}

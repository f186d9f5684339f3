import { stringify } from 'yaml';

/** An overlay's kustomization.yaml declaring one image. */
export function kustomization(image: {
  name: string;
  tag: string;
  digest?: string;
}): string {
  return stringify({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: ['../../base'],
    images: [{ name: image.name, newTag: image.tag, digest: image.digest }],
  });
}

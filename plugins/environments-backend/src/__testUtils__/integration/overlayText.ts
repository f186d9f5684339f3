import { stringify } from 'yaml';
import { IMAGE } from '../../kubernetes/__testUtils__/workloadObjects';
import type { CheckoutVersion } from './CheckoutVersion';

/** A Kustomize overlay of checkout for `namespace` that pins `version`. */
export function overlayText(
  namespace: string,
  version: CheckoutVersion,
): string {
  return stringify({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace,
    resources: ['../../base'],
    images: [{ name: IMAGE, newTag: version.tag, digest: version.digest }],
  });
}

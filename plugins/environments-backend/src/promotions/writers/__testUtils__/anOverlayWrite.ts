import type { OverlayWriteRequest } from '../types';

/** A commit-mode write of `app` v2 into the qa overlay, with any field overridden. */
export function anOverlayWrite(
  overrides: Partial<OverlayWriteRequest> = {},
): OverlayWriteRequest {
  return {
    promotionId: 'p-1',
    service: 'app',
    environment: 'qa',
    path: 'k8s/overlays/qa/kustomization.yaml',
    imageName: 'app',
    image: { name: 'app', tag: 'v2' },
    mode: 'commit',
    autoMerge: false,
    branch: 'stageline/app/qa',
    title: 'Promote',
    body: '',
    commitMessage: 'Promote app to qa',
    ...overrides,
  };
}

/**
 * A commit-mode write of checkout `image` into the staging overlay at `path`, titled by the tag,
 * its commit message carrying the trailer of its promotion; any field overridden.
 */
export function aCheckoutStagingWrite(
  target: {
    path: string;
    image: { name: string; tag: string; digest: string };
  },
  overrides: Partial<OverlayWriteRequest> = {},
): OverlayWriteRequest {
  const id = overrides.promotionId ?? 'p-1';
  const title = `Promote checkout to staging: ${target.image.tag}`;
  return {
    promotionId: id,
    service: 'checkout',
    environment: 'staging',
    path: target.path,
    imageName: target.image.name,
    image: target.image,
    mode: 'commit',
    autoMerge: false,
    branch: 'stageline/checkout/staging',
    title,
    body: 'Promote **checkout** to **staging**.',
    commitMessage: `${title}\n\nStageline-Promotion: ${id}`,
    ...overrides,
  };
}

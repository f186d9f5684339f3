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

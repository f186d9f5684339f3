import type { NewPromotion } from '../../types';
import { aDigest } from './aDigest';

/** A valid new promotion of `checkout` from qa to staging, with any field overridden. */
export function aNewPromotion(overrides?: Partial<NewPromotion>): NewPromotion {
  const entityRef = overrides?.entityRef ?? 'component:default/checkout';
  const target = overrides?.target ?? 'staging';
  return {
    // One overlay folder per (entity, target), as ownership makes it in the service.
    targetFolder: `github:github.com/acme/gitops ${entityRef}/overlays/${target}`,
    entityRef: 'component:default/checkout',
    kind: 'promotion',
    source: 'qa',
    target: 'staging',
    version: {
      name: 'ghcr.io/acme/checkout',
      tag: 'a1b2c3d',
      digest: aDigest('a1b2c3d'),
    },
    requestedBy: 'user:default/alice',
    reason: 'ship the fix',
    mode: 'pull-request',
    autoMerge: false,
    approvalsRequired: 1,
    state: 'awaiting-approval',
    ...overrides,
  };
}

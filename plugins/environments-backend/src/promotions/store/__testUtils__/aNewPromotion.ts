import type { NewPromotion } from '../../types';
import { aDigest } from './aDigest';

/** A valid new promotion of `checkout` from qa to staging, with any field overridden. */
export function aNewPromotion(overrides?: Partial<NewPromotion>): NewPromotion {
  return {
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

import type { Promotion } from '@stageline/plugin-environments-common';
import { DIGEST, IMAGE, SHA } from './environmentState';

/** A promotion of the test version from qa into staging, awaiting approval. */
export function promotionFixture(
  overrides: Partial<Promotion> = {},
): Promotion {
  return {
    id: 'p-1',
    entityRef: 'component:default/checkout',
    kind: 'promotion',
    source: 'qa',
    target: 'staging',
    version: { name: IMAGE, tag: SHA, digest: DIGEST },
    requestedBy: 'user:default/carol',
    state: 'awaiting-approval',
    mode: 'pull-request',
    approvalsRequired: 1,
    approvals: [],
    links: {},
    createdAt: '2024-05-06T11:00:00Z',
    updatedAt: '2024-05-06T11:00:00Z',
    ...overrides,
  };
}

import { join } from 'node:path';
import { createTestRemote } from '../../gitops/local/createTestRemote';
import { digest } from '../../kubernetes/__testUtils__/workloadObjects';
import type { CheckoutVersion } from './CheckoutVersion';

/**
 * Below `root`: the checkout source repository holding two versions, and an empty GitOps
 * repository.
 */
export async function checkoutRepositories(root: string) {
  const source = await createTestRemote(join(root, 'source'));
  const gitops = await createTestRemote(join(root, 'gitops'));
  // Tags are source commit SHAs, as CI tags every image; digests make them immutable.
  const v1: CheckoutVersion = {
    tag: await source.commit({ 'README.md': 'v1' }, 'Initial checkout API'),
    digest: digest('a'),
  };
  const v2: CheckoutVersion = {
    tag: await source.commit({ 'README.md': 'v2' }, 'Validate coupon codes'),
    digest: digest('b'),
  };
  return { source, gitops, v1, v2 };
}

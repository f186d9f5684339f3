import { resolve } from 'node:path';

/** The example's GitOps repository, created by scripts/lib/seed-examples.js. */
export const GITOPS_BARE_REPO = resolve(
  __dirname,
  '../../../.stageline/git/gitops.git',
);

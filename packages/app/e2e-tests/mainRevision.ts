import { GITOPS_BARE_REPO } from './GITOPS_BARE_REPO';
import { gitopsGit } from './gitopsGit';

/** The commit at the tip of main. */
export function mainRevision(): string {
  return gitopsGit([
    `--git-dir=${GITOPS_BARE_REPO}`,
    'rev-parse',
    'main',
  ]).trim();
}

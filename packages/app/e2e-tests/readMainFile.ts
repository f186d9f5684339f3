import { GITOPS_BARE_REPO } from './GITOPS_BARE_REPO';
import { gitopsGit } from './gitopsGit';

/** A file at the tip of main. */
export function readMainFile(path: string): string {
  return gitopsGit([`--git-dir=${GITOPS_BARE_REPO}`, 'show', `main:${path}`]);
}

import { GITOPS_BARE_REPO } from './GITOPS_BARE_REPO';
import { gitopsGit } from './gitopsGit';

/** A commit on main as the tests inspect it. */
export type MainCommit = { sha: string; message: string; files: string[] };

const git = (...args: string[]) =>
  gitopsGit([`--git-dir=${GITOPS_BARE_REPO}`, ...args]);

/** The commits on main that carry a promotion's trailer, newest first. */
export function promotionCommits(promotionId: string): MainCommit[] {
  const shas = git(
    'log',
    '--fixed-strings',
    `--grep=Stageline-Promotion: ${promotionId}`,
    '--format=%H',
    'main',
  )
    .split('\n')
    .filter(Boolean);
  return shas.map(sha => ({
    sha,
    message: git('show', '--no-patch', '--format=%B', sha),
    files: git('show', '--name-only', '--format=', sha)
      .split('\n')
      .filter(Boolean),
  }));
}

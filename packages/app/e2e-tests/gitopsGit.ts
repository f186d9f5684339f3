import { execFileSync } from 'node:child_process';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Stageline E2E',
  GIT_AUTHOR_EMAIL: 'e2e@stageline.invalid',
  GIT_COMMITTER_NAME: 'Stageline E2E',
  GIT_COMMITTER_EMAIL: 'e2e@stageline.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git with a fixed identity and no user or system config. */
export function gitopsGit(args: string[], cwd?: string): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
}

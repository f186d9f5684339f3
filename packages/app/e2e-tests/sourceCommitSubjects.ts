import { resolve } from 'node:path';
import { gitopsGit } from './gitopsGit';

/** checkout's source repository, created by scripts/lib/seed-examples.js. */
const CHECKOUT_SOURCE = resolve(
  __dirname,
  '../../../.stageline/git/checkout.git',
);

/** Subjects of checkout's source commits after `from` up to `to`: what a promotion carries. */
export function sourceCommitSubjects(from: string, to: string): string[] {
  return gitopsGit([
    `--git-dir=${CHECKOUT_SOURCE}`,
    'log',
    '--format=%s',
    `${from}..${to}`,
  ])
    .split('\n')
    .filter(Boolean);
}

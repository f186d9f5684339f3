import { execFile } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Alice',
  GIT_AUTHOR_EMAIL: 'alice@example.com',
  GIT_COMMITTER_NAME: 'Alice',
  GIT_COMMITTER_EMAIL: 'alice@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A file change for a test commit: content, a symlink, a submodule entry, or null to delete. */
export type TestChange =
  | string
  | null
  | { symlink: string }
  | { submodule: string };

/**
 * A real Git remote for tests: a bare repository (`git init --bare`) and a working clone that
 * commits and pushes to it.
 */
export async function createTestRemote(root: string) {
  const url = join(root, 'origin.git');
  const work = join(root, 'work');
  const git = async (...args: string[]) =>
    (await exec('git', args, { cwd: work, env: ENV })).stdout.trim();
  await exec(
    'git',
    ['init', '--quiet', '--bare', '--initial-branch=main', url],
    { env: ENV },
  );
  await exec('git', ['init', '--quiet', '--initial-branch=main', work], {
    env: ENV,
  });
  await git('remote', 'add', 'origin', url);

  return {
    url,
    git,
    /** Commits `changes` on `branch` (checked out, created from main if new) and pushes. */
    async commit(
      changes: Record<string, TestChange>,
      message: string,
      options: { branch?: string; date?: string } = {},
    ): Promise<string> {
      const branch = options.branch ?? 'main';
      const exists = await git('branch', '--list', branch);
      const hasMain = await git('branch', '--list', 'main');
      if (exists || !hasMain) await git('checkout', '--quiet', '-B', branch);
      else await git('checkout', '--quiet', '-b', branch, 'main');
      for (const [path, change] of Object.entries(changes)) {
        await apply(work, git, path, change);
      }
      const dates = options.date
        ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date }
        : {};
      await exec('git', ['commit', '--quiet', '--allow-empty', '-m', message], {
        cwd: work,
        env: { ...ENV, ...dates },
      });
      await git('push', '--quiet', '--force', 'origin', branch);
      return git('rev-parse', 'HEAD');
    },
    async deleteBranch(branch: string) {
      await git('push', '--quiet', 'origin', '--delete', branch);
    },
  };
}

async function apply(
  work: string,
  git: (...args: string[]) => Promise<string>,
  path: string,
  change: TestChange,
) {
  const file = join(work, path);
  await mkdir(dirname(file), { recursive: true });
  if (change === null) {
    await git('rm', '--quiet', '-r', '--', path);
  } else if (typeof change === 'string') {
    await writeFile(file, change);
    await git('add', '--', path);
  } else if ('symlink' in change) {
    await rm(file, { force: true });
    await symlink(change.symlink, file);
    await git('add', '--', path);
  } else {
    await git(
      'update-index',
      '--add',
      '--cacheinfo',
      `160000,${change.submodule},${path}`,
    );
  }
}

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { GithubStandIn } from '../src/gitops/github/__testUtils__/GithubStandIn';
import { GITOPS_REPO } from './fixtures';

/** Where the GitOps repository lives: the GitHub stand-in, or a real bare Git repository. */
export type Provider = 'github' | 'git';
export const PROVIDERS: Provider[] = ['github', 'git'];

const exec = promisify(execFile);

/** The provider's repository, the config that points the backend at it, and its cleanup. */
export type ProviderSetup = {
  /** `environments.gitops` additions (besides chains and cacheTtl). */
  gitops: Record<string, unknown>;
  cleanup(): Promise<void>;
};

/**
 * Puts `files` into one GitOps repository named `bench/gitops`: on `github`, a repository of
 * the stand-in (read through the `integrations.github` entry); on `git`, one commit pushed to a
 * bare repository in a temp folder, mapped by `environments.gitops.repositories` (clones go
 * to the same temp folder, removed by the cleanup).
 */
export async function setUpProvider(
  provider: Provider,
  files: Record<string, string>,
  github: GithubStandIn,
): Promise<ProviderSetup> {
  if (provider === 'github') {
    github.model.addRepo(GITOPS_REPO, { files });
    return { gitops: {}, cleanup: async () => {} };
  }
  const root = await mkdtemp(join(tmpdir(), 'stageline-bench-'));
  try {
    const url = await createBareRepository(root, files);
    return {
      gitops: {
        repositories: { [GITOPS_REPO]: url },
        clonesDirectory: join(root, 'clones'),
      },
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** `git init --bare`, a work clone with all files in one commit on `main`, pushed. */
async function createBareRepository(
  root: string,
  files: Record<string, string>,
): Promise<string> {
  const url = join(root, 'gitops.git');
  const work = join(root, 'work');
  const git = (cwd: string, ...args: string[]) =>
    exec('git', args, { cwd, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024 });
  await git(root, 'init', '--quiet', '--bare', '--initial-branch=main', url);
  await git(root, 'clone', '--quiet', url, work);
  await git(work, 'checkout', '--quiet', '-B', 'main');
  for (const [path, content] of Object.entries(files)) {
    const file = join(work, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  await git(work, 'add', '--all');
  await git(work, 'commit', '--quiet', '-m', 'Bench overlays');
  await git(work, 'push', '--quiet', 'origin', 'main');
  return url;
}

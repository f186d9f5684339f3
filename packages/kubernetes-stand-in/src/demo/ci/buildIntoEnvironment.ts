import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setKustomizationImage } from '@stageline/plugin-environments-common';
import { demoTargets } from '../demoTargets';

const exec = promisify(execFile);

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Stageline Demo CI',
  GIT_AUTHOR_EMAIL: 'ci@stageline.invalid',
  GIT_COMMITTER_NAME: 'Stageline Demo CI',
  GIT_COMMITTER_EMAIL: 'ci@stageline.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: GIT_ENV });
  return stdout.trim();
}

/** What a demo CI build produced. */
export type DemoBuild = {
  /** The new source commit: the image's tag. */
  tag: string;
  digest: string;
  /** The GitOps commit that pins the build in the environment's overlay. */
  gitopsCommit: string;
  overlayPath: string;
};

/**
 * The digest the example's registry "gives" the image built from a commit: the same made-up but
 * stable digest scripts/lib/seed-examples.js pins for the example's own commits.
 */
export function demoDigestOf(imageName: string, sha: string): string {
  const hash = createHash('sha256').update(`${imageName}@${sha}`).digest('hex');
  return `sha256:${hash}`;
}

/**
 * Plays a CI pipeline for an example service: commits a change to the service's source repository
 * (`<gitDir>/<service>.git`), "builds" that commit (the commit SHA is the image tag, with the
 * example's digest), and commits the new tag and digest into the environment's overlay of the
 * GitOps repository (`<gitDir>/gitops.git`), as CI deploys each build to qa.
 *
 * @throws Error for a service or environment the example does not have (nothing is changed), or
 *   when a push is refused (someone pushed in between: run it again).
 */
export async function buildIntoEnvironment(options: {
  /** The folder holding the example's bare repositories (`.stageline/git`). */
  gitDir: string;
  service: string;
  /** Default `qa`. */
  environment?: string;
  /** Default `main`. */
  branch?: string;
  /** The source commit's subject. */
  subject: string;
}): Promise<DemoBuild> {
  const environment = options.environment ?? 'qa';
  const branch = options.branch ?? 'main';
  const targets = demoTargets();
  const target = targets.find(
    t => t.service === options.service && t.namespace === environment,
  );
  if (!target) {
    const services = [...new Set(targets.map(t => t.service))].join(', ');
    const environments = [...new Set(targets.map(t => t.namespace))].join(', ');
    throw new Error(
      `The example has no service '${options.service}' in '${environment}': services are ${services}, environments ${environments}`,
    );
  }
  const subject = options.subject.trim().split('\n')[0];
  if (!subject) throw new Error('The build needs a commit subject');
  const scratch = await mkdtemp(join(tmpdir(), 'stageline-demo-ci-'));
  try {
    const source = join(scratch, 'source');
    await git(
      scratch,
      'clone',
      '-q',
      '--branch',
      branch,
      join(options.gitDir, `${target.service}.git`),
      source,
    );
    await appendFile(join(source, 'CHANGELOG.md'), `${subject}\n`);
    await git(source, 'commit', '-q', '-am', subject);
    await git(source, 'push', '-q', 'origin', `HEAD:${branch}`);
    const tag = await git(source, 'rev-parse', 'HEAD');
    const digest = demoDigestOf(target.imageName, tag);

    const gitops = join(scratch, 'gitops');
    await git(
      scratch,
      'clone',
      '-q',
      '--branch',
      branch,
      join(options.gitDir, 'gitops.git'),
      gitops,
    );
    const overlay = join(gitops, target.overlayPath);
    await writeFile(
      overlay,
      setKustomizationImage(await readFile(overlay, 'utf8'), {
        name: target.imageName,
        newTag: tag,
        digest,
      }),
    );
    await git(
      gitops,
      'commit',
      '-q',
      '-am',
      `CI: build ${target.service} ${tag.slice(0, 7)} into ${environment}`,
      '-m',
      `${subject}\n\nImage: ${target.imageName}:${tag}@${digest}`,
    );
    await git(gitops, 'push', '-q', 'origin', `HEAD:${branch}`);
    return {
      tag,
      digest,
      gitopsCommit: await git(gitops, 'rev-parse', 'HEAD'),
      overlayPath: target.overlayPath,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

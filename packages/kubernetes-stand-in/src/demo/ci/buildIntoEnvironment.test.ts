import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  parseKustomizationImages,
  resolveOverlayImage,
} from '@stageline/plugin-environments-common';
import { buildIntoEnvironment, demoDigestOf } from './buildIntoEnvironment';

const NAME = 'registry.example.com/shop/checkout';
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

const overlay = (env: string, tag: string) =>
  [
    `# checkout in ${env}`,
    'resources:',
    '  - ../../base',
    'images:',
    `  - name: ${NAME}`,
    `    newTag: '${tag}' # source commit SHA`,
    `    digest: '${demoDigestOf(NAME, tag)}'`,
    '',
  ].join('\n');

/** A bare repository at `<root>/<name>.git` whose main holds `files`. */
function bareRepository(
  root: string,
  name: string,
  files: Record<string, string>,
) {
  const work = join(root, `${name}-work`);
  mkdirSync(work);
  git(work, 'init', '-q', '-b', 'main');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  }
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', `seed ${name}`);
  git(root, 'clone', '-q', '--bare', work, join(root, `${name}.git`));
  return join(root, `${name}.git`);
}

describe('buildIntoEnvironment', () => {
  let root: string;
  let source: string;
  let gitops: string;
  const show = (repo: string, what: string) =>
    git(root, `--git-dir=${repo}`, 'show', what);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'demo-ci-test-'));
    source = bareRepository(root, 'checkout', { 'CHANGELOG.md': 'first\n' });
    const first = git(root, `--git-dir=${source}`, 'rev-parse', 'main');
    gitops = bareRepository(root, 'gitops', {
      'apps/checkout/overlays/qa/kustomization.yaml': overlay('qa', first),
      'apps/checkout/overlays/staging/kustomization.yaml': overlay(
        'staging',
        first,
      ),
    });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('commits to the source and pins that commit, with its digest, in qa only', async () => {
    const staging = show(
      gitops,
      'main:apps/checkout/overlays/staging/kustomization.yaml',
    );
    const build = await buildIntoEnvironment({
      gitDir: root,
      service: 'checkout',
      subject: 'Retry card declines once',
    });

    expect(git(root, `--git-dir=${source}`, 'rev-parse', 'main')).toBe(
      build.tag,
    );
    expect(
      git(root, `--git-dir=${source}`, 'log', '-1', '--format=%s', 'main'),
    ).toBe('Retry card declines once');
    expect(show(source, 'main:CHANGELOG.md')).toBe(
      'first\nRetry card declines once',
    );
    const qa = show(
      gitops,
      'main:apps/checkout/overlays/qa/kustomization.yaml',
    );
    expect(
      resolveOverlayImage({
        images: parseKustomizationImages(qa),
        imageName: NAME,
      }),
    ).toEqual({ name: NAME, tag: build.tag, digest: build.digest });
    expect(build.digest).toBe(demoDigestOf(NAME, build.tag));
    // The rest of the overlay is kept: its comment and resources.
    expect(qa).toContain('# checkout in qa');
    expect(qa).toContain('  - ../../base');
    expect(
      show(gitops, 'main:apps/checkout/overlays/staging/kustomization.yaml'),
    ).toBe(staging);
    expect(git(root, `--git-dir=${gitops}`, 'rev-parse', 'main')).toBe(
      build.gitopsCommit,
    );
    expect(
      git(root, `--git-dir=${gitops}`, 'log', '-1', '--format=%B', 'main'),
    ).toBe(
      `CI: build checkout ${build.tag.slice(0, 7)} into qa\n\n` +
        `Retry card declines once\n\nImage: ${NAME}:${build.tag}@${build.digest}`,
    );
    expect(
      git(
        root,
        `--git-dir=${gitops}`,
        'show',
        '--name-only',
        '--format=',
        'main',
      ),
    ).toBe('apps/checkout/overlays/qa/kustomization.yaml');
  });

  it('builds a new version each time', async () => {
    const a = await buildIntoEnvironment({
      gitDir: root,
      service: 'checkout',
      subject: 'one',
    });
    const b = await buildIntoEnvironment({
      gitDir: root,
      service: 'checkout',
      subject: 'two',
    });
    expect(b.tag).not.toBe(a.tag);
    expect(b.digest).not.toBe(a.digest);
    expect(
      git(root, `--git-dir=${gitops}`, 'rev-list', '--count', 'main'),
    ).toBe('3');
  });

  it('refuses a service or environment the example does not have, changing nothing', async () => {
    const before = git(root, `--git-dir=${gitops}`, 'rev-parse', 'main');
    await expect(
      buildIntoEnvironment({ gitDir: root, service: 'billing', subject: 'x' }),
    ).rejects.toThrow(
      "The example has no service 'billing' in 'qa': services are checkout, payments",
    );
    await expect(
      buildIntoEnvironment({
        gitDir: root,
        service: 'checkout',
        environment: 'dev',
        subject: 'x',
      }),
    ).rejects.toThrow("no service 'checkout' in 'dev'");
    await expect(
      buildIntoEnvironment({ gitDir: root, service: 'checkout', subject: ' ' }),
    ).rejects.toThrow('needs a commit subject');
    expect(git(root, `--git-dir=${gitops}`, 'rev-parse', 'main')).toBe(before);
    expect(
      git(root, `--git-dir=${source}`, 'rev-list', '--count', 'main'),
    ).toBe('1');
  });
});

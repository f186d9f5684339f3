import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../__testUtils__/github/createGithubStandIn';
import type { GithubStandIn } from '../../__testUtils__/github/GithubStandIn';
import { testGithubRepository } from './testGithubRepository';

const TOKEN = 'ghp_canary0123456789secret';
const QA = 'k8s/overlays/qa/kustomization.yaml';
const KUSTOMIZATION =
  'images:\n  - name: ghcr.io/acme/checkout\n    newTag: "1.10"\n';

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;

beforeEach(() => {
  standIn = createGithubStandIn({ token: TOKEN, compareLimit: 3 });
  server.use(...standIn.handlers);
  standIn.model.addRepo('acme/gitops', {
    files: {
      [QA]: KUSTOMIZATION,
      'k8s/overlays/staging/kustomization.yaml': 'images: []\n',
      'README.md': '# gitops\n',
    },
  });
});

describe('GithubRepository', () => {
  describe('readFile', () => {
    it('decodes the file and returns its blob SHA', async () => {
      const file = await testGithubRepository({ token: TOKEN }).readFile(QA);
      expect(file).toEqual({
        path: QA,
        content: KUSTOMIZATION,
        blobSha: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(standIn.requests.entries[0]).toMatchObject({
        method: 'GET',
        path: `/repos/acme/gitops/contents/${encodeURIComponent(QA)}?ref=main`,
        authorization: `Bearer ${TOKEN}`,
      });
    });

    it('reads multi-byte content intact', async () => {
      standIn.model.commit('acme/gitops', {
        files: { 'notes.md': 'héllo wörld ✓\n'.repeat(20) },
        message: 'notes',
      });
      const file = await testGithubRepository({ token: TOKEN }).readFile(
        'notes.md',
      );
      expect(file?.content).toBe('héllo wörld ✓\n'.repeat(20));
    });

    it('returns undefined for an absent file', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(
          'k8s/overlays/prod/kustomization.yaml',
        ),
      ).resolves.toBeUndefined();
    });

    it.each([
      ['symlink', { type: 'symlink' as const, target: '../nowhere.yaml' }],
      [
        'submodule',
        {
          type: 'submodule' as const,
          url: 'https://github.com/acme/x.git',
          sha: 'a'.repeat(40),
        },
      ],
    ])('refuses a %s as an unsupported file type', async (type, entry) => {
      standIn.model.commit('acme/gitops', {
        files: { 'k8s/x.yaml': entry },
        message: type,
      });
      await expect(
        testGithubRepository({ token: TOKEN }).readFile('k8s/x.yaml'),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(
            `is a ${type}, an unsupported file type`,
          ),
        }),
      );
    });

    it('refuses a symlink to a file that GitHub answers with the target content', async () => {
      standIn.model.commit('acme/gitops', {
        files: {
          'k8s/overlays/production/kustomization.yaml': {
            type: 'symlink',
            target: '../staging/kustomization.yaml',
          },
        },
        message: 'link production to staging',
      });
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(
          'k8s/overlays/production/kustomization.yaml',
        ),
      ).rejects.toThrow(/is a symlink, an unsupported file type/);
    });

    it('refuses a folder', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).readFile('k8s/overlays/qa'),
      ).rejects.toThrow(/is a folder, an unsupported file type/);
    });

    it.each([
      '../secrets',
      'k8s/../../x',
      '/etc/passwd',
      'k8s\\qa',
      '-x',
      'a\u0000b',
      'k8s//qa',
      'k8s/qa/',
    ])('refuses the path %j without a request', async path => {
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(path),
      ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
      expect(standIn.requests.total).toBe(0);
    });
  });

  describe('listFolder', () => {
    it('lists entry names, folders included', async () => {
      const repo = testGithubRepository({ token: TOKEN });
      await expect(repo.listFolder('k8s/overlays')).resolves.toEqual([
        'qa',
        'staging',
      ]);
      await expect(repo.listFolder('')).resolves.toEqual(['README.md', 'k8s']);
    });

    it('returns undefined for an absent folder', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).listFolder('k8s/overlays/prod'),
      ).resolves.toBeUndefined();
    });

    it('refuses a file', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).listFolder(QA),
      ).rejects.toThrow(/is a file, not a folder/);
    });
  });

  describe('getLastCommit', () => {
    it('returns the last commit that changed the path, with its pull request', async () => {
      standIn.model.createBranch('acme/gitops', 'stageline/checkout/qa');
      standIn.model.commit('acme/gitops', {
        branch: 'main',
        files: { 'README.md': 'unrelated\n' },
        message: 'Docs',
      });
      const sha = standIn.model.commit('acme/gitops', {
        files: { [QA]: 'images: []\n' },
        message: 'Promote checkout to qa (#7)\n\nRequested by alice',
        author: 'alice',
      });
      standIn.model.commit('acme/gitops', {
        files: { 'README.md': 'later\n' },
        message: 'More docs',
      });
      const commit = await testGithubRepository({ token: TOKEN }).getLastCommit(
        QA,
      );
      expect(commit).toEqual({
        sha,
        message: 'Promote checkout to qa (#7)\n\nRequested by alice',
        author: 'alice',
        date: expect.stringMatching(/^2024-01-01T/),
        url: `https://github.com/acme/gitops/commit/${sha}`,
        pullRequest: {
          number: 7,
          url: 'https://github.com/acme/gitops/pull/7',
        },
      });
      expect(standIn.requests.entries[0].path).toContain('per_page=1');
    });

    it('says which branch is missing', async () => {
      await expect(
        testGithubRepository({ token: TOKEN, branch: 'nope' }).getLastCommit(
          QA,
        ),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'NotFoundError',
          message: "Branch 'nope' of acme/gitops not found on GitHub",
        }),
      );
    });
  });

  describe('listChanges', () => {
    it('lists open pull requests of this repository whose branch starts with the prefix', async () => {
      const { model } = standIn;
      model.createBranch('acme/gitops', 'stageline/checkout/staging');
      model.commit('acme/gitops', {
        branch: 'stageline/checkout/staging',
        files: {
          'k8s/overlays/staging/kustomization.yaml': 'images: []\n# v2\n',
        },
        message: 'Promote',
      });
      const number = model.openPullRequest('acme/gitops', {
        head: 'stageline/checkout/staging',
        title: 'Promote checkout v2 to staging',
        user: 'alice',
      });
      model.createBranch('acme/gitops', 'stageline/payments/qa');
      model.openPullRequest('acme/gitops', {
        head: 'stageline/payments/qa',
        title: 'Other service',
      });
      model.openPullRequest('acme/gitops', {
        head: 'stageline/checkout/production',
        title: 'From a fork',
        user: 'mallory',
        fromFork: true,
      });
      model.createBranch('acme/gitops', 'stageline/checkout/qa');
      model.closePullRequest(
        'acme/gitops',
        model.openPullRequest('acme/gitops', {
          head: 'stageline/checkout/qa',
          title: 'Closed',
        }),
      );

      const changes = await testGithubRepository({ token: TOKEN }).listChanges(
        'stageline/checkout/',
      );
      expect(changes).toEqual([
        {
          kind: 'pull-request',
          title: 'Promote checkout v2 to staging',
          url: `https://github.com/acme/gitops/pull/${number}`,
          number,
          branch: 'stageline/checkout/staging',
          author: 'alice',
          updatedAt: expect.any(String),
          headSha: model
            .repo('acme/gitops')!
            .branches.get('stageline/checkout/staging'),
        },
      ]);
    });

    it('reads further pages up to a bound', async () => {
      const { model } = standIn;
      model.createBranch('acme/gitops', 'stageline/checkout/qa');
      for (let i = 0; i < 230; i++) {
        model.openPullRequest('acme/gitops', {
          head: 'stageline/checkout/qa',
          title: `PR ${i}`,
        });
      }
      const changes = await testGithubRepository({ token: TOKEN }).listChanges(
        'stageline/',
      );
      expect(changes).toHaveLength(230);
      expect(standIn.requests.count(200, '/pulls')).toBe(3);
    });

    it('refuses a prefix that is not a branch name', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).listChanges('--all'),
      ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
    });
  });

  describe('getPullRequest', () => {
    it.each([
      ['open', false, false],
      ['merged', true, false],
      ['closed', false, true],
    ])('reports a %s pull request', async (state, merge, close) => {
      const { model } = standIn;
      model.createBranch('acme/gitops', 'feature');
      const head = model.commit('acme/gitops', {
        branch: 'feature',
        files: { 'a.txt': 'a' },
        message: 'a',
      });
      const number = model.openPullRequest('acme/gitops', {
        head: 'feature',
        title: 'Add a',
        user: 'bob',
      });
      if (merge) model.mergePullRequest('acme/gitops', number);
      if (close) model.closePullRequest('acme/gitops', number);
      await expect(
        testGithubRepository({ token: TOKEN }).getPullRequest(number),
      ).resolves.toEqual({
        number,
        title: 'Add a',
        state,
        author: 'bob',
        headSha: head,
        updatedAt: expect.any(String),
        url: `https://github.com/acme/gitops/pull/${number}`,
      });
    });

    it('returns undefined for an unknown number', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).getPullRequest(99),
      ).resolves.toBeUndefined();
    });
  });

  describe('compare', () => {
    function history(count: number) {
      const base = standIn.model.repo('acme/gitops')!.branches.get('main')!;
      const shas = Array.from({ length: count }, (_, i) =>
        standIn.model.commit('acme/gitops', {
          files: { 'README.md': `v${i}\n` },
          message:
            i === 1
              ? `Merge pull request #${40 + i} from acme/feature`
              : `Change ${i}`,
        }),
      );
      return { base, shas };
    }

    it('lists the commits between two versions newest first', async () => {
      const { base, shas } = history(3);
      const comparison = await testGithubRepository({ token: TOKEN }).compare(
        base,
        shas[2],
      );
      expect(comparison.commits.map(c => c.sha)).toEqual([...shas].reverse());
      expect(comparison.commits[1].pullRequest).toEqual({
        number: 41,
        url: 'https://github.com/acme/gitops/pull/41',
      });
      expect(comparison).toMatchObject({
        truncated: false,
        url: `https://github.com/acme/gitops/compare/${base}...${shas[2]}`,
      });
    });

    it('says when GitHub returned fewer commits than exist', async () => {
      const { base, shas } = history(5);
      const comparison = await testGithubRepository({ token: TOKEN }).compare(
        base,
        shas[4],
      );
      expect(comparison.commits).toHaveLength(3);
      expect(comparison.truncated).toBe(true);
    });

    it('throws NotFoundError for an unknown commit', async () => {
      await expect(
        testGithubRepository({ token: TOKEN }).compare('main', 'f'.repeat(40)),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'NotFoundError',
          message: `Commit 'main' or '${'f'.repeat(
            40,
          )}' not found in acme/gitops`,
        }),
      );
    });

    it.each(['main..x', '-p', 'a b', 'HEAD~1:x'])(
      'refuses the ref %j',
      async ref => {
        await expect(
          testGithubRepository({ token: TOKEN }).compare(ref, 'main'),
        ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
      },
    );
  });
});

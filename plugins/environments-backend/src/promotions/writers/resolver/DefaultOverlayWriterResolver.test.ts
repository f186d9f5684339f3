import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../../gitops/github/__testUtils__/createGithubStandIn';
import { GitConnections } from '../../../gitops/repositories/GitConnections';
import { readGitSettings } from '../../../gitops/readGitSettings';
import { RepositoryPolicy } from '../../../gitops/repositories/RepositoryPolicy';
import { anOverlayWrite } from '../__testUtils__/anOverlayWrite';
import { DefaultOverlayWriterResolver } from './DefaultOverlayWriterResolver';
import { fakeTiming } from '../fakeTiming';
import { GithubOverlayWriter } from '../github/GithubOverlayWriter';
import { LocalGitOverlayWriter } from '../local/LocalGitOverlayWriter';

const server = setupServer();
registerMswTestHooks(server);

const GHE = {
  integrations: {
    github: [
      {
        host: 'ghe.example.com',
        apiBaseUrl: 'https://ghe.example.com/api/v3',
        token: 'ghe-token',
      },
    ],
  },
  environments: { gitops: { branch: 'release' } },
};

const GITHUB = { integrations: { github: [{ host: 'github.com' }] } };

function connections(config: object) {
  return new GitConnections({
    settings: readGitSettings(new ConfigReader(config), {
      clonesDirectory: '/tmp/stageline-test-clones',
    }),
    refreshIntervalMs: 30_000,
    tuning: { minWriteIntervalMs: 0 },
  });
}

function resolver(config: object = GITHUB) {
  return new DefaultOverlayWriterResolver({
    connections: connections(config),
    timing: fakeTiming(),
  });
}

// What config allows, as the read model passes it on.
function allowed(value: string, config: object = GITHUB) {
  return RepositoryPolicy.fromConfig(new ConfigReader(config)).locate(
    value,
    'stageline.io/gitops-repo',
  );
}

const MIRRORS = {
  ...GITHUB,
  environments: {
    gitops: {
      repositories: {
        'acme/mirrored': 'https://gitlab.com/acme/gitops.git',
        'acme/ssh': 'git@github.example:acme/gitops.git',
        'acme/local': '/srv/git/gitops.git',
      },
    },
  },
};

describe('DefaultOverlayWriterResolver', () => {
  it.each([
    'acme/gitops',
    'acme/gitops.git',
    'https://github.com/acme/gitops',
    'https://github.com/acme/gitops.git/',
  ])('resolves %s to GitHub', value => {
    expect(resolver().resolve(allowed(value))).toBeInstanceOf(
      GithubOverlayWriter,
    );
  });

  it.each(['acme/mirrored', 'acme/ssh', 'acme/local'])(
    'resolves the configured %s to plain Git',
    value => {
      expect(resolver().resolve(allowed(value, MIRRORS))).toBeInstanceOf(
        LocalGitOverlayWriter,
      );
    },
  );

  it('reuses one writer per repository', () => {
    const r = resolver();
    expect(r.resolve(allowed('acme/gitops'))).toBe(
      r.resolve(allowed('https://github.com/acme/gitops')),
    );
  });

  it('tells the caller after each write, failed ones too', async () => {
    const written: string[] = [];
    const r = new DefaultOverlayWriterResolver({
      connections: connections(MIRRORS),
      timing: fakeTiming(),
      onWritten: repository => written.push(repository.name),
    });
    await expect(
      r
        .resolve(allowed('acme/gitops'))
        .write(anOverlayWrite({ path: '../escape/kustomization.yaml' })),
    ).rejects.toThrow();
    expect(written).toEqual(['acme/gitops']);
  });

  it('writes a slug through the only configured GitHub host, on the configured branch', async () => {
    const standIn = createGithubStandIn({
      baseUrl: 'https://ghe.example.com/api/v3',
      token: 'ghe-token',
    });
    server.use(...standIn.handlers);
    const write = anOverlayWrite({ promotionId: 'p-9' });
    standIn.model.addRepo('acme/gitops', {
      defaultBranch: 'release',
      files: { [write.path]: 'images:\n  - name: app\n    newTag: v1\n' },
    });
    await resolver(GHE).resolve(allowed('acme/gitops', GHE)).write(write);
    const put = standIn.requests.entries.find(e => e.method === 'PUT');
    expect(put).toMatchObject({
      status: 200,
      authorization: 'Bearer ghe-token',
    });
    const repo = standIn.model.repo('acme/gitops')!;
    const head = repo.commits.get(repo.branches.get('release')!)!;
    expect(head.message).toBe('Promote app to qa\n\nStageline-Promotion: p-9');
  });
});

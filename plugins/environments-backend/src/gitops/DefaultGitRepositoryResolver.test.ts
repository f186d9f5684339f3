import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../__testUtils__/github/createGithubStandIn';
import { DefaultGitRepositoryResolver } from './DefaultGitRepositoryResolver';
import { GithubRepository } from './github/GithubRepository';
import { LocalGitRepository } from './local/LocalGitRepository';

const server = setupServer();
registerMswTestHooks(server);

function resolver(config: object = {}) {
  return DefaultGitRepositoryResolver.fromConfig(new ConfigReader(config), {
    cacheTtlMs: 60_000,
    clonesDirectory: '/tmp/stageline-test-clones',
  });
}

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
};

describe('DefaultGitRepositoryResolver', () => {
  it.each([
    ['acme/gitops', 'acme/gitops', 'https://github.com/acme/gitops'],
    ['acme/gitops.git', 'acme/gitops', 'https://github.com/acme/gitops'],
    [
      'https://github.com/acme/gitops',
      'acme/gitops',
      'https://github.com/acme/gitops',
    ],
    [
      'https://github.com/acme/gitops.git',
      'acme/gitops',
      'https://github.com/acme/gitops',
    ],
    [
      'https://github.com/acme/gitops/',
      'acme/gitops',
      'https://github.com/acme/gitops',
    ],
  ])('resolves %s to GitHub', (value, displayName, webUrl) => {
    const repo = resolver().resolve(value);
    expect(repo).toBeInstanceOf(GithubRepository);
    expect(repo).toMatchObject({ displayName, webUrl });
  });

  it.each([
    'https://gitlab.com/acme/gitops.git',
    'https://github.com/acme/gitops/tree/main',
    'ssh://git@github.com/acme/gitops.git',
    'git@github.com:acme/gitops.git',
    'file:///srv/git/gitops.git',
    '/srv/git/gitops',
  ])('resolves %s to a local clone', value => {
    const repo = resolver().resolve(value);
    expect(repo).toBeInstanceOf(LocalGitRepository);
    expect(repo.displayName).toBe(value);
  });

  it.each([
    '',
    'gitops',
    'acme/',
    'a/b/c',
    '-acme/x',
    '../gitops',
    'acme/..',
    'ext::sh -c x',
    'relative/path/x',
  ])('refuses %j', value => {
    expect(() => resolver().resolve(value)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('uses the only configured GitHub integration for owner/repo', () => {
    expect(resolver(GHE).resolve('acme/gitops').webUrl).toBe(
      'https://ghe.example.com/acme/gitops',
    );
  });

  it('prefers github.com when several integrations are configured', () => {
    const config = {
      integrations: {
        github: [
          GHE.integrations.github[0],
          { host: 'github.com', token: 't' },
        ],
      },
    };
    expect(resolver(config).resolve('acme/gitops').webUrl).toBe(
      'https://github.com/acme/gitops',
    );
  });

  it('returns the same object for the same value', () => {
    const r = resolver();
    expect(r.resolve('acme/gitops')).toBe(r.resolve('acme/gitops'));
  });

  it('reads from a GitHub Enterprise host through its API base URL and token', async () => {
    const standIn = createGithubStandIn({
      baseUrl: 'https://ghe.example.com/api/v3',
      token: 'ghe-token',
    });
    server.use(...standIn.handlers);
    standIn.model.addRepo('acme/gitops', { files: { 'a.yaml': 'a: 1\n' } });
    const repo = resolver(GHE).resolve(
      'https://ghe.example.com/acme/gitops.git',
    );
    await expect(repo.readFile('a.yaml')).resolves.toMatchObject({
      content: 'a: 1\n',
    });
    expect(standIn.requests.entries[0]).toMatchObject({
      path: '/repos/acme/gitops/contents/a.yaml?ref=main',
      status: 200,
    });
  });

  it('reads the branch from config', async () => {
    const standIn = createGithubStandIn();
    server.use(...standIn.handlers);
    standIn.model.addRepo('acme/gitops', {
      defaultBranch: 'trunk',
      files: { 'a.yaml': 'x' },
    });
    const repo = DefaultGitRepositoryResolver.fromConfig(
      new ConfigReader({ environments: { gitops: { branch: 'trunk' } } }),
    ).resolve('acme/gitops');
    await expect(repo.readFile('a.yaml')).resolves.toBeDefined();
    expect(standIn.requests.entries[0].path).toContain('ref=trunk');
  });
});

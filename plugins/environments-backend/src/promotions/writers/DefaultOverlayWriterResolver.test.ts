import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../__testUtils__/github/createGithubStandIn';
import { DefaultOverlayWriterResolver } from './DefaultOverlayWriterResolver';
import { fakeTiming } from './fakeTiming';
import { GithubOverlayWriter } from './github/GithubOverlayWriter';
import { LocalGitOverlayWriter } from './local/LocalGitOverlayWriter';

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

function resolver(config: object = {}) {
  return DefaultOverlayWriterResolver.fromConfig(new ConfigReader(config), {
    clonesDirectory: '/tmp/stageline-test-clones',
    timing: fakeTiming(),
  });
}

describe('DefaultOverlayWriterResolver', () => {
  it.each([
    'acme/gitops',
    'acme/gitops.git',
    'https://github.com/acme/gitops',
    'https://github.com/acme/gitops.git/',
  ])('resolves %s to GitHub', value => {
    expect(resolver().resolve(value)).toBeInstanceOf(GithubOverlayWriter);
  });

  it.each([
    'https://gitlab.com/acme/gitops.git',
    'git@github.com:acme/gitops.git',
    'file:///srv/git/gitops.git',
    '/srv/git/gitops.git',
  ])('resolves %s to plain Git', value => {
    expect(resolver().resolve(value)).toBeInstanceOf(LocalGitOverlayWriter);
  });

  it.each(['gitops', '-oProxyCommand=x', 'acme/../x', ''])(
    'refuses %s',
    value => {
      expect(() => resolver().resolve(value)).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    },
  );

  it('reuses one writer per repository', () => {
    const r = resolver();
    expect(r.resolve('acme/gitops')).toBe(r.resolve('acme/gitops'));
  });

  it('writes a slug through the only configured GitHub host, on the configured branch', async () => {
    const standIn = createGithubStandIn({
      baseUrl: 'https://ghe.example.com/api/v3',
      token: 'ghe-token',
    });
    server.use(...standIn.handlers);
    const path = 'k8s/overlays/qa/kustomization.yaml';
    standIn.model.addRepo('acme/gitops', {
      defaultBranch: 'release',
      files: { [path]: 'images:\n  - name: app\n    newTag: v1\n' },
    });
    await resolver(GHE)
      .resolve('acme/gitops')
      .write({
        promotionId: 'p-9',
        service: 'app',
        environment: 'qa',
        path,
        imageName: 'app',
        image: { name: 'app', tag: 'v2' },
        mode: 'commit',
        autoMerge: false,
        branch: 'stageline/app/qa',
        title: 'Promote',
        body: '',
        commitMessage: 'Promote app to qa',
      });
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

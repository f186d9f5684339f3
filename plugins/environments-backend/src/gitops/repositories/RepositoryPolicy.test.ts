import { ConfigReader } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { resolve as resolvePath } from 'node:path';
import { RepositoryPolicy } from './RepositoryPolicy';

const ANNOTATION = 'stageline.io/gitops-repo';

function policy(config: object = {}) {
  return RepositoryPolicy.fromConfig(new ConfigReader(config));
}

function github(...entries: object[]) {
  return { integrations: { github: entries } };
}

function repositories(map: Record<string, unknown>, extra: object = {}) {
  return { ...extra, environments: { gitops: { repositories: map } } };
}

const GITHUB_COM = github({ host: 'github.com', token: 't' });
const GHE = github({
  host: 'ghe.example.com',
  apiBaseUrl: 'https://ghe.example.com/api/v3',
});

/** The refusal of `value`, checked to be a NotAllowedError naming the annotation. */
function refusal(p: RepositoryPolicy, value: string, annotation = ANNOTATION) {
  let error: unknown;
  try {
    p.locate(value, annotation);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(NotAllowedError);
  const message = (error as Error).message;
  expect(message).toContain(`Annotation '${annotation}'`);
  return message;
}

describe('RepositoryPolicy', () => {
  describe('GitHub repositories without config entries', () => {
    it('allows owner/repo on the only configured integration', () => {
      expect(policy(GITHUB_COM).locate('acme/gitops', ANNOTATION)).toEqual({
        name: 'acme/gitops',
        location: {
          type: 'github',
          host: 'github.com',
          owner: 'acme',
          repo: 'gitops',
        },
      });
      expect(policy(GHE).locate('acme/gitops.git', ANNOTATION)).toEqual({
        name: 'acme/gitops.git',
        location: {
          type: 'github',
          host: 'ghe.example.com',
          owner: 'acme',
          repo: 'gitops',
        },
      });
    });

    it('puts owner/repo on github.com when several integrations are configured', () => {
      const p = policy(github({ host: 'ghe.example.com' }, {}));
      expect(p.locate('acme/gitops', ANNOTATION).location).toEqual({
        type: 'github',
        host: 'github.com',
        owner: 'acme',
        repo: 'gitops',
      });
    });

    it('refuses owner/repo when the default host has no explicit integration', () => {
      // ScmIntegrations adds github.com implicitly; that does not count.
      expect(refusal(policy(), 'acme/gitops')).toBe(
        "Annotation 'stageline.io/gitops-repo' names 'acme/gitops': 'github.com' is not an allowed repository location: configure a GitHub integration for it or list it in environments.gitops.repositories",
      );
      const twoEnterprise = github(
        { host: 'ghe.example.com' },
        { host: 'ghe2.example.com' },
      );
      expect(refusal(policy(twoEnterprise), 'acme/gitops')).toContain(
        "'github.com' is not an allowed repository location",
      );
    });

    it.each([
      'https://ghe.example.com/acme/gitops',
      'https://ghe.example.com/acme/gitops.git',
      'https://ghe.example.com/acme/gitops/',
      'https://GHE.example.com/acme/gitops',
    ])('allows %s on a configured GitHub Enterprise host', value => {
      expect(policy(GHE).locate(value, ANNOTATION)).toEqual({
        name: value,
        location: {
          type: 'github',
          host: 'ghe.example.com',
          owner: 'acme',
          repo: 'gitops',
        },
      });
    });

    it('refuses a GitHub Enterprise host that is not configured', () => {
      expect(
        refusal(policy(GITHUB_COM), 'https://ghe.example.com/acme/gitops'),
      ).toBe(
        "Annotation 'stageline.io/gitops-repo' names 'https://ghe.example.com/acme/gitops': 'ghe.example.com' is not an allowed repository location: configure a GitHub integration for it or list it in environments.gitops.repositories",
      );
      expect(refusal(policy(GHE), 'https://github.com/acme/gitops')).toContain(
        "'github.com' is not an allowed repository location",
      );
    });

    it.each([
      ['http://ghe.example.com/acme/gitops', "names a 'http' URL"],
      ['ssh://git@ghe.example.com/acme/gitops.git', "names a 'ssh' URL"],
      ['git@ghe.example.com:acme/gitops.git', 'names an ssh location'],
      ['https://ghe.example.com/acme/gitops/tree/main', 'not a GitHub'],
      ['https://ghe.example.com/acme/gitops?ref=x', 'not a GitHub'],
      ['https://ghe.example.com/acme/..', 'not a GitHub'],
      ['acme/..', 'does not name a GitHub repository'],
      ['acme/gitops/extra', 'does not name a GitHub repository'],
      ['gitops', 'does not name a GitHub repository'],
      ['-acme/gitops', "starts with '-'"],
    ])(
      'refuses %s on a configured GitHub host, saying why',
      (value, reason) => {
        expect(refusal(policy(GHE), value)).toContain(reason);
      },
    );
  });

  describe('hostile values', () => {
    const configured = {
      ...GITHUB_COM,
      ...repositories({ 'acme/gitops': './examples/gitops' }),
    };

    it.each([
      ['https://user:pass@evil.example/x.git', 'credentials', ['pass', 'user']],
      ['http://token@github.com/a/b', 'credentials', ['token']],
      ['https://token@github.com/a/b', 'credentials', ['token']],
      ['https://github.com@evil.example/a/b', 'credentials', ['evil']],
      ['ssh://git:pass@github.com/a/b', 'credentials', ['pass']],
      ['git:pass@internal-host:x/y.git', 'credentials', ['pass']],
      ['file:///etc', 'a local path', ['/etc']],
      ['file://user:pass@localhost/etc', 'credentials', ['pass', '/etc']],
      ['/var/lib/repo', 'a local path', ['/var/lib/repo']],
      ['../../x', 'a local path', ['../../x']],
      ['./examples/gitops', 'a local path', ['examples']],
      ['~/repo', 'a local path', ['~/repo']],
      ['C:\\repos\\x', 'a local path', ['C:', '\\']],
      ['file:/etc', 'a local path', ['/etc']],
      ['ext::sh -c touch% /tmp/pwned', 'remote helper', ['/tmp/pwned']],
      ['ext::sh', 'remote helper', ['ext::sh']],
      ['fd::17', 'remote helper', ['fd::17']],
      ['--upload-pack=touch /tmp/x', "starts with '-'", ['/tmp/x']],
      ['--upload-pack=x', "starts with '-'", ['upload-pack']],
      ['ftp://github.com/a/b', "'ftp' URL", []],
      ['git@internal-host:x/y.git', "'internal-host' is not an allowed", []],
      [
        'https://internal.example/x.git',
        "'internal.example' is not an allowed",
        [],
      ],
      ['ssh://-oProxyCommand=x/a/b', 'without a valid host', ['ProxyCommand']],
      ['https://github.com/a/b\u0000', 'control characters', []],
      ['acme/gitops\n', 'whitespace', []],
      ['acme/git\u202eops', 'control characters', []],
      ['', 'is empty', []],
    ])('refuses %j', (value, reason, hidden) => {
      const message = refusal(policy(configured), value);
      expect(message).toContain(reason);
      for (const secret of [...hidden, 'pass', 'token']) {
        expect(message).not.toContain(secret);
      }
      expect(message.length).toBeLessThan(400);
    });

    it('refuses values longer than 500 characters', () => {
      const message = refusal(policy(GITHUB_COM), `acme/${'x'.repeat(600)}`);
      expect(message).toContain('longer than 500 characters');
      expect(message).not.toContain('xxxx');
    });

    it('names the annotation it was given', () => {
      expect(
        refusal(
          policy(),
          'https://a:pass@x.example/y',
          'github.com/project-slug',
        ),
      ).toBe(
        "Annotation 'github.com/project-slug' names a URL with credentials; credentials come from the GitHub integration or the backend's Git configuration, never from an annotation",
      );
      expect(refusal(policy(), '/var/lib/repo')).toBe(
        "Annotation 'stageline.io/gitops-repo' names a local path; local repositories are read only when environments.gitops.repositories lists them",
      );
    });

    it('shows at most about 100 characters of a refused value', () => {
      const value = `https://internal.example/${'a'.repeat(300)}`;
      const message = refusal(policy(), value);
      expect(message).toContain('…');
      expect(message).not.toContain('a'.repeat(100));
    });
  });

  describe('environments.gitops.repositories', () => {
    it('maps exact keys to configured locations, trusting config', () => {
      const p = policy(
        repositories(
          {
            'acme/gitops': './examples/gitops',
            'acme/upstream': '../mirrors/upstream',
            'acme/abs': '/srv/git/abs',
            'acme/file': 'file:///srv/git/file',
            'acme/mirror': 'https://bot:s3cret@git.internal.example.com/m.git',
            'acme/scp': 'git@internal-host:acme/scp.git',
            'acme/renamed': 'other/name',
            'https://internal.example/x.git': 'https://ghe.example.com/o/r.git',
          },
          GHE,
        ),
      );
      expect(p.locate('acme/gitops', ANNOTATION)).toEqual({
        name: 'acme/gitops',
        location: { type: 'git', url: resolvePath('examples/gitops') },
      });
      expect(p.locate('acme/upstream', ANNOTATION).location).toEqual({
        type: 'git',
        url: resolvePath('..', 'mirrors/upstream'),
      });
      expect(
        (p.locate('acme/upstream', ANNOTATION).location as { url: string }).url,
      ).toMatch(/^\//);
      expect(p.locate('acme/abs', ANNOTATION)).toEqual({
        name: 'acme/abs',
        location: { type: 'git', url: '/srv/git/abs' },
      });
      expect(p.locate('acme/file', ANNOTATION).location).toEqual({
        type: 'git',
        url: 'file:///srv/git/file',
      });
      const mirror = p.locate('acme/mirror', ANNOTATION);
      expect(mirror.name).toBe('acme/mirror');
      expect(mirror.location).toEqual({
        type: 'git',
        url: 'https://bot:s3cret@git.internal.example.com/m.git',
      });
      expect(p.locate('acme/scp', ANNOTATION).location).toEqual({
        type: 'git',
        url: 'git@internal-host:acme/scp.git',
      });
      expect(p.locate('acme/renamed', ANNOTATION).location).toEqual({
        type: 'github',
        host: 'ghe.example.com',
        owner: 'other',
        repo: 'name',
      });
      expect(p.locate('https://internal.example/x.git', ANNOTATION)).toEqual({
        name: 'https://internal.example/x.git',
        location: {
          type: 'github',
          host: 'ghe.example.com',
          owner: 'o',
          repo: 'r',
        },
      });
    });

    it('reads an https URL of an unconfigured host in config as plain Git', () => {
      const p = policy(
        repositories({ 'acme/gitops': 'https://github.com/acme/gitops' }, GHE),
      );
      expect(p.locate('acme/gitops', ANNOTATION).location).toEqual({
        type: 'git',
        url: 'https://github.com/acme/gitops',
      });
    });

    it('substitutes patterns in order', () => {
      const p = policy(
        repositories({
          'acme/*': 'https://git.internal.example.com/acme/*.git',
          'https://git.internal.example.com/platform/*':
            'https://git.internal.example.com/platform/*',
          'mirror/*/*': 'file:///srv/mirrors/*/*.git',
          'local/*': './mirrors/*',
        }),
      );
      expect(p.locate('acme/gitops', ANNOTATION)).toEqual({
        name: 'acme/gitops',
        location: {
          type: 'git',
          url: 'https://git.internal.example.com/acme/gitops.git',
        },
      });
      expect(
        p.locate('https://git.internal.example.com/platform/infra', ANNOTATION)
          .location,
      ).toEqual({
        type: 'git',
        url: 'https://git.internal.example.com/platform/infra',
      });
      expect(p.locate('local/x.y_z-1', ANNOTATION).location).toEqual({
        type: 'git',
        url: resolvePath('mirrors/x.y_z-1'),
      });
      // `mirror/*/*` has no `/` in a `*`, so a two-segment value does not match it.
      expect(refusal(p, 'mirror/a')).toContain('github.com');
    });

    it.each([
      'acme/..',
      'acme/.',
      'acme/a/b',
      'acme/',
      'acme/a b',
      'https://git.internal.example.com/platform/../secret',
      'https://git.internal.example.com/platform/a/b',
      'https://git.internal.example.com/platform/a?x',
      'local/..',
    ])('does not let a pattern match %j', value => {
      const p = policy(
        repositories({
          'acme/*': 'https://git.internal.example.com/acme/*.git',
          'https://git.internal.example.com/platform/*':
            'https://git.internal.example.com/platform/*',
          'local/*': './mirrors/*',
        }),
      );
      expect(() => p.locate(value, ANNOTATION)).toThrow(NotAllowedError);
    });

    it('lets a pattern capture dots that are not . or .. alone', () => {
      const p = policy(repositories({ 'local/*': './mirrors/*' }));
      expect(p.locate('local/...', ANNOTATION).location).toEqual({
        type: 'git',
        url: resolvePath('mirrors/...'),
      });
    });

    it('prefers exact keys over patterns, and the first matching pattern', () => {
      const p = policy(
        repositories({
          'acme/*': 'https://first.example/*.git',
          'acme/gitops': './examples/gitops',
          '*/gitops': 'https://second.example/*.git',
          '*/*': 'https://third.example/*/*.git',
        }),
      );
      expect(p.locate('acme/gitops', ANNOTATION).location).toEqual({
        type: 'git',
        url: resolvePath('examples/gitops'),
      });
      expect(p.locate('acme/other', ANNOTATION).location).toEqual({
        type: 'git',
        url: 'https://first.example/other.git',
      });
      expect(p.locate('beta/gitops', ANNOTATION).location).toEqual({
        type: 'git',
        url: 'https://second.example/beta.git',
      });
      expect(p.locate('beta/other', ANNOTATION).location).toEqual({
        type: 'git',
        url: 'https://third.example/beta/other.git',
      });
    });

    it('refuses a pattern match that forms no valid location', () => {
      const p = policy(repositories({ 'x/*': 'ssh://*/repo.git' }));
      expect(refusal(p, 'x/-oProxyCommand')).toContain(
        'matches environments.gitops.repositories["x/*"]',
      );
    });

    it('matches hostile values against many stars quickly', () => {
      const p = policy(
        repositories({ '*-*-*-*-*-*-*-*.git': `a/${'*'.repeat(8)}` }),
      );
      const started = Date.now();
      expect(() => p.locate('a-'.repeat(240), ANNOTATION)).toThrow(
        NotAllowedError,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it.each([
      [{ 'acme/*': 'https://git.example.com/acme.git' }, 'acme/*', "'*'"],
      [{ 'acme/*': 'https://git.example.com/*/*.git' }, 'acme/*', "'*'"],
      [{ 'acme/*': 'not a url *' }, 'acme/*', 'is not a GitHub repository'],
      [{ 'acme/gitops': 'mirrors/a/b' }, 'acme/gitops', 'is not a GitHub'],
      [{ 'acme/gitops': 'ext::sh -c x' }, 'acme/gitops', 'is not a GitHub'],
      [{ 'acme/gitops': 42 }, 'acme/gitops', 'expected a Git URL'],
      [{ 'a b': './x' }, 'a b', 'whitespace'],
      [{ '-x': './x' }, '-x', "starts with '-'"],
    ])('fails fromConfig on %j', (map, key, reason) => {
      const create = () => policy(repositories(map));
      expect(create).toThrow(
        `Invalid config at 'environments.gitops.repositories["${key}"]'`,
      );
      expect(create).toThrow(reason);
    });

    it('never shows credentials of a configured location in a config error', () => {
      expect(() =>
        policy(repositories({ 'acme/x': 'https://bot:s3cret@h/x y' })),
      ).toThrow(/^(?!.*s3cret)/);
    });
  });
});

import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  type GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../__testUtils__/github/createGithubStandIn';
import type { GithubStandIn } from '../../__testUtils__/github/GithubStandIn';
import { createGithubClient } from './createGithubClient';
import { DIRECT_READ_HEADER } from './GithubRequestHook';

const TOKEN = 'ghp_canary0123456789secret';
const repo = { owner: 'acme', repo: 'gitops' };

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;
let pull: number;

beforeEach(() => {
  standIn = createGithubStandIn({ token: TOKEN });
  server.use(...standIn.handlers);
  pull = addRepo(standIn, 'acme/gitops');
});

/** A repository with one open pull request; returns its number. */
function addRepo(target: GithubStandIn, fullName: string) {
  target.model.addRepo(fullName, { files: { 'README.md': '# gitops\n' } });
  target.model.createBranch(fullName, 'feature');
  target.model.commit(fullName, {
    branch: 'feature',
    files: { 'a.txt': 'a\n' },
    message: 'Add a',
  });
  return target.model.openPullRequest(fullName, {
    head: 'feature',
    title: 'Add a',
  });
}

function testClient(
  options: {
    cacheTtlMs?: number;
    token?: string;
    credentialsProvider?: GithubCredentialsProvider;
  } = {},
) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: options.token ?? TOKEN }],
      },
    }),
  );
  return createGithubClient({
    integration: integrations.github.byHost('github.com')!.config,
    credentialsProvider:
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    cacheTtlMs: options.cacheTtlMs ?? 60_000,
  });
}

const getPull = (client = testClient(), pull_number = pull) =>
  client.rest.pulls.get({ ...repo, pull_number }).then(r => r.data);

describe('createGithubClient', () => {
  it('refuses an integration without an API base URL', () => {
    expect(() =>
      createGithubClient({
        integration: { host: 'ghe.example.com' },
        credentialsProvider: { getCredentials: jest.fn() },
      }),
    ).toThrow('The GitHub integration for ghe.example.com has no apiBaseUrl');
  });

  describe('credentials', () => {
    it('asks the provider on every request and sends the token it gives then', async () => {
      const open = createGithubStandIn();
      server.use(...open.handlers);
      addRepo(open, 'acme/gitops');
      const getCredentials = jest
        .fn()
        .mockResolvedValueOnce({ type: 'app', token: 'ghs_first' })
        .mockResolvedValueOnce({ type: 'app', token: 'ghs_renewed' });
      const client = testClient({
        cacheTtlMs: 0,
        credentialsProvider: { getCredentials },
      });
      await getPull(client);
      await getPull(client);

      expect(getCredentials.mock.calls).toEqual([
        [{ url: 'https://github.com/acme/gitops' }],
        [{ url: 'https://github.com/acme/gitops' }],
      ]);
      expect(open.requests.entries.map(e => e.authorization)).toEqual([
        'Bearer ghs_first',
        'Bearer ghs_renewed',
      ]);
    });

    it('sends nothing, and says nothing of the cause, when the provider fails', async () => {
      const client = testClient({
        credentialsProvider: {
          getCredentials: () => Promise.reject(new Error(`bad key ${TOKEN}`)),
        },
      });
      const error = await getPull(client).catch(e => e);
      expect(error).toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'Could not get GitHub credentials for acme; check the GitHub integration (token or App installation)',
      });
      expect(JSON.stringify(error)).not.toContain(TOKEN);
      expect(standIn.requests.total).toBe(0);
    });
  });

  describe('caching of GETs', () => {
    it('serves a repeated GET from memory without any request', async () => {
      const client = testClient();
      const first = await getPull(client);
      const compare = () =>
        client.rest.repos
          .compareCommitsWithBasehead({ ...repo, basehead: 'main...feature' })
          .then(r => r.data);
      const comparison = await compare();
      await expect(getPull(client)).resolves.toEqual(first);
      await expect(compare()).resolves.toEqual(comparison);
      expect(standIn.requests.total).toBe(2);
    });

    it('revalidates after the TTL with If-None-Match and reuses the data on 304', async () => {
      const client = testClient({ cacheTtlMs: 0 });
      const first = await getPull(client);
      await expect(getPull(client)).resolves.toEqual(first);

      expect(standIn.requests.byStatus()).toEqual({ 200: 1, 304: 1 });
      expect(standIn.requests.entries[1].ifNoneMatch).toMatch(
        /^W\/"[0-9a-f]{40}"$/,
      );
    });

    it('picks up a change after the TTL', async () => {
      const client = testClient({ cacheTtlMs: 0 });
      await expect(getPull(client)).resolves.toMatchObject({ state: 'open' });
      standIn.model.closePullRequest('acme/gitops', pull);
      await expect(getPull(client)).resolves.toMatchObject({ state: 'closed' });
      expect(standIn.requests.byStatus()).toEqual({ 200: 2 });
    });

    it('sends one request for concurrent identical reads', async () => {
      const client = testClient();
      const pulls = await Promise.all([
        getPull(client),
        getPull(client),
        getPull(client),
      ]);
      expect(new Set(pulls.map(p => p.head.sha)).size).toBe(1);
      expect(standIn.requests.total).toBe(1);
    });

    it('remembers a 404 within the TTL, and no other failure', async () => {
      const client = testClient();
      for (let i = 0; i < 2; i++) {
        await expect(getPull(client, 99)).rejects.toThrow(
          expect.objectContaining({
            name: 'NotFoundError',
            message: 'acme/gitops not found on GitHub',
          }),
        );
      }
      standIn.failNext({ kind: 'status', status: 500 });
      await expect(getPull(client)).rejects.toThrow(/500/);
      await expect(getPull(client)).resolves.toBeDefined();
      expect(standIn.requests.byStatus()).toEqual({ 404: 1, 500: 1, 200: 1 });
    });

    it('never serves a write from the cache', async () => {
      const client = testClient();
      const create = () =>
        client.rest.git.createRef({
          ...repo,
          ref: 'refs/heads/x',
          sha: standIn.model.repo('acme/gitops')!.branches.get('main')!,
        });
      await expect(create()).resolves.toMatchObject({ status: 201 });
      await expect(create()).rejects.toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
      expect(standIn.requests.byStatus()).toEqual({ 201: 1, 422: 1 });
    });
  });

  describe(`direct reads (${DIRECT_READ_HEADER})`, () => {
    /** The marker header as GitHub received it, per request. */
    let markers: Array<string | null>;

    beforeEach(() => {
      markers = [];
      // Looks at each request, then lets the stand-in answer it.
      server.use(
        http.all('https://api.github.com/*', ({ request }) => {
          markers.push(request.headers.get(DIRECT_READ_HEADER));
        }),
      );
    });

    const direct = (client: ReturnType<typeof testClient>, etag: string) =>
      client.rest.pulls.get({
        ...repo,
        pull_number: pull,
        headers: { [DIRECT_READ_HEADER]: etag },
      });

    it('bypass the cache, send the ETag as If-None-Match and resolve 304 as status 304', async () => {
      const client = testClient();
      const cached = await getPull(client);

      const first = await direct(client, '');
      expect(first).toMatchObject({ status: 200, data: cached });
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
      await expect(direct(client, etag)).resolves.toMatchObject({
        status: 304,
        data: undefined,
      });
      // The cache is untouched: the ordinary GET is still served from memory.
      await expect(getPull(client)).resolves.toEqual(cached);

      standIn.model.closePullRequest('acme/gitops', pull);
      await expect(direct(client, etag)).resolves.toMatchObject({
        status: 200,
        data: { state: 'closed' },
      });
      expect(
        standIn.requests.entries.map(e => [e.status, e.ifNoneMatch]),
      ).toEqual([
        [200, undefined],
        [200, undefined],
        [304, etag],
        [200, etag],
      ]);
      expect(
        standIn.requests.entries.every(
          e => e.authorization === `Bearer ${TOKEN}`,
        ),
      ).toBe(true);
      expect(markers).toEqual([null, null, null, null]);
    });

    it('leave nothing in the cache for ordinary GETs', async () => {
      const client = testClient();
      await direct(client, '');
      await getPull(client);
      await getPull(client);
      expect(standIn.requests.byStatus()).toEqual({ 200: 2 });
      expect(markers).toEqual([null, null]);
    });

    it('fail like any request, and fail fast while rate limited', async () => {
      const client = testClient();
      standIn.failNext({ kind: 'status', status: 502 });
      await expect(direct(client, '')).rejects.toThrow(
        'GitHub answered 502 while reading acme/gitops',
      );
      standIn.failNext({ kind: 'primary-rate-limit' });
      await expect(direct(client, '')).rejects.toThrow(/rate limit/);
      await expect(direct(client, '')).rejects.toThrow(/rate limit/);
      expect(standIn.requests.total).toBe(2);
    });
  });

  describe('failures', () => {
    it('reports a primary rate limit with the reset time, and sends nothing for the owner until then', async () => {
      const resetAt = new Date(Date.now() + 120_000);
      standIn.failNext({ kind: 'primary-rate-limit', resetAt });
      const client = testClient();
      const message = `GitHub rate limit reached; retry after ${new Date(
        Math.floor(resetAt.getTime() / 1000) * 1000,
      ).toISOString()}`;

      await expect(getPull(client)).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: expect.stringContaining(message),
        }),
      );
      await expect(
        client.rest.repos.compareCommitsWithBasehead({
          ...repo,
          basehead: 'main...feature',
        }),
      ).rejects.toThrow(message);
      expect(standIn.requests.total).toBe(1);
    });

    it('keeps other owners readable while one owner is rate limited', async () => {
      const otherPull = addRepo(standIn, 'other/gitops');
      standIn.failNext({ kind: 'primary-rate-limit' });
      const client = testClient();
      await expect(getPull(client)).rejects.toThrow(/rate limit/);
      await expect(
        client.rest.pulls.get({
          owner: 'other',
          repo: 'gitops',
          pull_number: otherPull,
        }),
      ).resolves.toMatchObject({ status: 200 });
      await expect(getPull(client)).rejects.toThrow(/rate limit/);
      expect(standIn.requests.total).toBe(2);
    });

    it('treats 429 with x-ratelimit-remaining 0 as the primary limit', async () => {
      standIn.failNext({ kind: 'primary-rate-limit', status: 429 });
      await expect(getPull()).rejects.toThrow(
        /GitHub rate limit reached; retry after .* \(in \d+ s\)/,
      );
    });

    it('honours retry-after on a secondary rate limit', async () => {
      standIn.failNext({ kind: 'secondary-rate-limit', retryAfterSeconds: 30 });
      const client = testClient();
      await expect(getPull(client)).rejects.toThrow(/\(in 30 s\)/);
      await expect(getPull(client)).rejects.toThrow(
        /GitHub rate limit reached/,
      );
      expect(standIn.requests.total).toBe(1);
    });

    it('waits a minute on a secondary rate limit without retry-after', async () => {
      standIn.failNext({ kind: 'secondary-rate-limit' });
      await expect(getPull()).rejects.toThrow(/\(in 60 s\)/);
    });

    it('does not retry a read', async () => {
      standIn.failNext({ kind: 'status', status: 502 });
      await expect(getPull()).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: 'GitHub answered 502 while reading acme/gitops',
        }),
      );
      expect(standIn.requests.total).toBe(1);
    });

    it('reports a network error as GitHub unreachable', async () => {
      standIn.failNext({ kind: 'network-error' });
      await expect(getPull()).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: 'GitHub unreachable while reading acme/gitops',
        }),
      );
    });

    it('names the host for a request outside any repository', async () => {
      standIn.failNext({ kind: 'status', status: 503 });
      await expect(testClient().request('GET /rate_limit')).rejects.toThrow(
        'GitHub answered 503 while reading github.com',
      );
    });

    it('reports rejected credentials without the token', async () => {
      const error = await getPull(
        testClient({ token: 'ghp_wrongcanary' }),
      ).catch(e => e);
      expect(error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('(401)'),
      });
      expect(
        JSON.stringify({ ...error, message: error.message }),
      ).not.toContain('ghp_wrongcanary');
    });

    it.each([403, 500, 422])(
      'never echoes request details or the upstream body (%s)',
      async status => {
        standIn.failNext({
          kind: 'status',
          status,
          body: { message: `leaked ${TOKEN}` },
        });
        const error = await getPull().catch(e => e);
        expect(error.message).not.toContain(TOKEN);
        expect(error.message).not.toContain('api.github.com');
        expect(JSON.stringify(error)).not.toContain(TOKEN);
        expect(error.cause).toBeUndefined();
      },
    );
  });
});

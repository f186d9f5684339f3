import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  type GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from './__testUtils__/createGithubStandIn';
import type { GithubStandIn } from './__testUtils__/GithubStandIn';
import { createGithubClient, type GithubClient } from './createGithubClient';
import { DIRECT_READ_HEADER } from './GithubRequestHook';
import { toGithubError } from './toGithubError';

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
    token?: string;
    credentialsProvider?: GithubCredentialsProvider;
    logger?: LoggerService;
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
    logger: options.logger,
    maxRateLimitWaitMs: 10_000,
    // A second of GitHub's waits lasts a millisecond here.
    retryAfterBaseMs: 1,
    minWriteIntervalMs: 0,
  });
}

/** A read as the snapshot source makes it: errors mapped to our own. */
const getPull = (client = testClient(), pull_number = pull) =>
  client.rest.pulls
    .get({ ...repo, pull_number })
    .then(r => r.data)
    .catch(error => {
      throw toGithubError(error, 'acme/gitops');
    });

/** A write as the overlay writer makes it. */
const createBranch = (client: GithubClient, name = 'x') =>
  client.rest.git
    .createRef({
      ...repo,
      ref: `refs/heads/${name}`,
      sha: standIn.model.repo('acme/gitops')!.branches.get('main')!,
    })
    .catch(error => {
      throw toGithubError(error, 'acme/gitops', `create branch ${name}`);
    });

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
      const client = testClient({ credentialsProvider: { getCredentials } });
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

  it('caches nothing: every read asks GitHub', async () => {
    const client = testClient();
    await getPull(client);
    standIn.model.closePullRequest('acme/gitops', pull);
    await expect(getPull(client)).resolves.toMatchObject({ state: 'closed' });
    expect(standIn.requests.byStatus()).toEqual({ 200: 2 });
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

    it('send the ETag as If-None-Match and resolve 304 as status 304', async () => {
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

    it('fail like any request, and fail fast while rate limited', async () => {
      const client = testClient();
      standIn.failNext({ kind: 'status', status: 404 });
      await expect(direct(client, '')).rejects.toMatchObject({ status: 404 });
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

    it('retries a read that failed with a server error', async () => {
      standIn.failNext({ kind: 'status', status: 502 });
      await expect(getPull()).resolves.toMatchObject({ number: pull });
      expect(standIn.requests.byStatus()).toEqual({ 502: 1, 200: 1 });
    });

    it('gives up on a read after a few server errors, with our own message', async () => {
      standIn.failNext({ kind: 'status', status: 502 }, { times: 10 });
      await expect(getPull()).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: 'GitHub answered 502 while reading acme/gitops',
        }),
      );
      expect(standIn.requests.total).toBe(4);
    });

    it('never repeats a write that failed: it may have happened', async () => {
      standIn.failNext({ kind: 'status', status: 502 }, { method: 'POST' });
      await expect(createBranch(testClient())).rejects.toThrow(
        'GitHub answered 502 while trying to create branch x in acme/gitops',
      );
      expect(standIn.requests.total).toBe(1);
    });

    it('does not repeat a conflict or a validation failure', async () => {
      const client = testClient();
      await createBranch(client);
      await expect(createBranch(client)).rejects.toMatchObject({
        name: 'InputError',
      });
      standIn.failNext({ kind: 'status', status: 409 });
      await expect(getPull(client)).rejects.toThrow(/answered 409/);
      expect(standIn.requests.byStatus()).toEqual({ 201: 1, 422: 1, 409: 1 });
    });

    it('waits out a short primary rate limit and then sends the write, saying so in the log', async () => {
      const logger = mockServices.logger.mock();
      const resetAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2_000);
      standIn.failNext({ kind: 'primary-rate-limit', resetAt });
      await expect(createBranch(testClient({ logger }))).resolves.toMatchObject(
        { status: 201 },
      );
      expect(standIn.requests.byStatus()).toEqual({ 403: 1, 201: 1 });
      expect(logger.warn).toHaveBeenCalledWith(
        'GitHub rate limit hit; retrying after the wait',
        {
          kind: 'primary',
          host: 'github.com',
          method: 'POST',
          url: expect.stringMatching(/\/git\/refs$/),
          retryAfterSeconds: expect.any(Number),
        },
      );
      const [, { retryAfterSeconds }] = logger.warn.mock.calls[0] as [
        string,
        { retryAfterSeconds: number },
      ];
      expect([2, 3, 4]).toContain(retryAfterSeconds);
    });

    it('waits out a short secondary rate limit a few times, then fails fast', async () => {
      const logger = mockServices.logger.mock();
      const client = testClient({ logger });
      standIn.failNext(
        { kind: 'secondary-rate-limit', retryAfterSeconds: 1 },
        { times: 10 },
      );
      await expect(createBranch(client)).rejects.toThrow(
        /GitHub rate limit reached; retry after .* \(in 1 s\)/,
      );
      expect(standIn.requests.count(403)).toBe(4);
      expect(logger.warn).toHaveBeenLastCalledWith(
        'GitHub rate limit hit; not retrying',
        expect.objectContaining({ kind: 'secondary', retryAfterSeconds: 1 }),
      );
    });

    it('reports a network error as GitHub unreachable', async () => {
      standIn.failNext({ kind: 'network-error' }, { times: 10 });
      await expect(getPull()).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: 'GitHub unreachable while reading acme/gitops',
        }),
      );
    });

    it('names the host for a request outside any repository', async () => {
      standIn.failNext({ kind: 'status', status: 503 });
      const error = await testClient()
        .request('GET /rate_limit', { request: { retries: 0 } })
        .catch(e => e);
      expect(toGithubError(error, 'github.com').message).toBe(
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
        standIn.failNext(
          { kind: 'status', status, body: { message: `leaked ${TOKEN}` } },
          { times: 10 },
        );
        const error = await getPull().catch(e => e);
        expect(error.message).not.toContain(TOKEN);
        expect(error.message).not.toContain('api.github.com');
        expect(JSON.stringify(error)).not.toContain(TOKEN);
        expect(error.cause).toBeUndefined();
      },
    );
  });
});

import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../__testUtils__/github/createGithubStandIn';
import type { GithubStandIn } from '../../__testUtils__/github/GithubStandIn';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { createGithubClient } from './createGithubClient';
import { testGithubRepository } from './testGithubRepository';

const TOKEN = 'ghp_canary0123456789secret';
const QA = 'k8s/overlays/qa/kustomization.yaml';

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;

beforeEach(() => {
  standIn = createGithubStandIn({ token: TOKEN });
  server.use(...standIn.handlers);
  standIn.model.addRepo('acme/gitops', { files: { [QA]: 'images: []\n' } });
});

function testClient() {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: TOKEN }] },
    }),
  );
  return createGithubClient({
    integration: integrations.github.byHost('github.com')!.config,
    credentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    cacheTtlMs: 60_000,
  });
}

describe('createGithubClient', () => {
  describe('caching', () => {
    it('serves a repeated view from memory without any request', async () => {
      const repo = testGithubRepository({ token: TOKEN, cacheTtlMs: 60_000 });
      const first = await repo.readFile(QA);
      const firstCommit = await repo.getLastCommit(QA);
      const total = standIn.requests.total;

      await expect(repo.readFile(QA)).resolves.toEqual(first);
      await expect(repo.getLastCommit(QA)).resolves.toEqual(firstCommit);
      expect(standIn.requests.total).toBe(total);
    });

    it('revalidates after the TTL with If-None-Match and reuses the data on 304', async () => {
      const repo = testGithubRepository({ token: TOKEN, cacheTtlMs: 0 });
      const first = await repo.readFile(QA);
      await expect(repo.readFile(QA)).resolves.toEqual(first);

      expect(standIn.requests.byStatus()).toEqual({ 200: 1, 304: 1 });
      expect(standIn.requests.entries[1].ifNoneMatch).toMatch(
        /^W\/"[0-9a-f]{40}"$/,
      );
    });

    it('picks up a change after the TTL', async () => {
      const repo = testGithubRepository({ token: TOKEN, cacheTtlMs: 0 });
      await repo.readFile(QA);
      standIn.model.commit('acme/gitops', {
        files: { [QA]: 'images:\n  - name: app\n' },
        message: 'change',
      });
      await expect(repo.readFile(QA)).resolves.toMatchObject({
        content: 'images:\n  - name: app\n',
      });
      expect(standIn.requests.byStatus()).toEqual({ 200: 2 });
    });

    it('sends one request for concurrent identical reads', async () => {
      const repo = testGithubRepository({ token: TOKEN });
      const files = await Promise.all([
        repo.readFile(QA),
        repo.readFile(QA),
        repo.readFile(QA),
      ]);
      expect(new Set(files.map(f => f?.blobSha)).size).toBe(1);
      expect(standIn.requests.total).toBe(1);
    });

    it('remembers an absent file within the TTL', async () => {
      const repo = testGithubRepository({ token: TOKEN });
      await expect(repo.readFile('absent.yaml')).resolves.toBeUndefined();
      await expect(repo.readFile('absent.yaml')).resolves.toBeUndefined();
      expect(standIn.requests.byStatus()).toEqual({ 404: 1 });
    });

    it('shares its cache between repositories of one client', async () => {
      const client = testClient();
      await testGithubRepository({ token: TOKEN, client }).readFile(QA);
      await testGithubRepository({ token: TOKEN, client }).readFile(QA);
      expect(standIn.requests.total).toBe(1);
    });
  });

  describe('failures', () => {
    it('reports a primary rate limit with the reset time, and sends nothing until then', async () => {
      const resetAt = new Date(Date.now() + 120_000);
      standIn.failNext({ kind: 'primary-rate-limit', resetAt });
      const repo = testGithubRepository({ token: TOKEN });
      const message = `GitHub rate limit reached; retry after ${new Date(
        Math.floor(resetAt.getTime() / 1000) * 1000,
      ).toISOString()}`;

      await expect(repo.readFile(QA)).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: expect.stringContaining(message),
        }),
      );
      await expect(repo.listFolder('k8s')).rejects.toThrow(message);
      expect(standIn.requests.total).toBe(1);
    });

    it('keeps other owners readable while one owner is rate limited', async () => {
      standIn.model.addRepo('other/gitops', {
        files: { [QA]: 'images: []\n' },
      });
      standIn.failNext({ kind: 'primary-rate-limit' });
      const client = testClient();
      const acme = testGithubRepository({ token: TOKEN, client });
      const other = testGithubRepository({
        token: TOKEN,
        client,
        fullName: 'other/gitops',
      });
      await expect(acme.readFile(QA)).rejects.toThrow(/rate limit/);
      await expect(other.readFile(QA)).resolves.toBeDefined();
      await expect(acme.readFile(QA)).rejects.toThrow(/rate limit/);
      expect(standIn.requests.total).toBe(2);
    });

    it('treats 429 with x-ratelimit-remaining 0 as the primary limit', async () => {
      standIn.failNext({ kind: 'primary-rate-limit', status: 429 });
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(QA),
      ).rejects.toThrow(
        /GitHub rate limit reached; retry after .* \(in \d+ s\)/,
      );
    });

    it('honours retry-after on a secondary rate limit', async () => {
      standIn.failNext({ kind: 'secondary-rate-limit', retryAfterSeconds: 30 });
      const repo = testGithubRepository({ token: TOKEN });
      await expect(repo.readFile(QA)).rejects.toThrow(/\(in 30 s\)/);
      await expect(repo.readFile(QA)).rejects.toThrow(
        /GitHub rate limit reached/,
      );
      expect(standIn.requests.total).toBe(1);
    });

    it('waits a minute on a secondary rate limit without retry-after', async () => {
      standIn.failNext({ kind: 'secondary-rate-limit' });
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(QA),
      ).rejects.toThrow(/\(in 60 s\)/);
    });

    it('does not retry a page read', async () => {
      standIn.failNext({ kind: 'status', status: 502 });
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(QA),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: 'GitHub answered 502 while reading acme/gitops',
        }),
      );
      expect(standIn.requests.total).toBe(1);
    });

    it('reports a network error as GitHub unreachable', async () => {
      standIn.failNext({ kind: 'network-error' });
      await expect(
        testGithubRepository({ token: TOKEN }).readFile(QA),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'ServiceUnavailableError',
          message: 'GitHub unreachable while reading acme/gitops',
        }),
      );
    });

    it('reports rejected credentials without the token', async () => {
      const error = await testGithubRepository({ token: 'ghp_wrongcanary' })
        .readFile(QA)
        .catch(e => e);
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
        const error = await testGithubRepository({ token: TOKEN })
          .readFile(QA)
          .catch(e => e);
        expect(error.message).not.toContain(TOKEN);
        expect(error.message).not.toContain('api.github.com');
        expect(JSON.stringify(error)).not.toContain(TOKEN);
        expect(error.cause).toBeUndefined();
      },
    );

    it('does not cache failures other than 404', async () => {
      standIn.failNext({ kind: 'status', status: 500 });
      const repo = testGithubRepository({ token: TOKEN });
      await expect(repo.readFile(QA)).rejects.toThrow(/500/);
      await expect(repo.readFile(QA)).resolves.toBeDefined();
    });
  });
});

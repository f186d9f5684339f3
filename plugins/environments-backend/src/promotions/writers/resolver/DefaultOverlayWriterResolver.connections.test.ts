import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readdir } from 'node:fs/promises';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../../gitops/github/__testUtils__/createGithubStandIn';
import { anOverlayWrite } from '../__testUtils__/anOverlayWrite';
import { DefaultOverlayWriterResolver } from './DefaultOverlayWriterResolver';
import { fakeTiming } from '../fakeTiming';
import { GitopsRepositories } from '../../../gitops/repositories/GitopsRepositories';
import { createTestRemote } from '../../../gitops/local/createTestRemote';

// Each test runs real git processes: seconds on a loaded machine, not milliseconds.
jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);
const mockDir = createMockDirectory();

const PATH = anOverlayWrite().path;
const OVERLAY = 'images:\n  - name: app\n    newTag: v1\n';

/** The capability and a writer resolver wired as the plugin wires them. */
function wire(config: object, clonesDirectory: string) {
  const repositories = GitopsRepositories.fromConfig(new ConfigReader(config), {
    clonesDirectory,
    githubTuning: { minWriteIntervalMs: 0, retryAfterBaseMs: 1 },
  });
  const writers = new DefaultOverlayWriterResolver({
    connections: repositories.connections,
    timing: fakeTiming(),
  });
  return { repositories, writers };
}

describe('GitConnections shared by reads and writes', () => {
  it('keeps one local clone per plain Git remote for the reader and the writer', async () => {
    const root = mockDir.resolve('plain');
    const remote = await createTestRemote(root);
    await remote.commit({ [PATH]: OVERLAY }, 'Initial overlay');
    const clones = `${root}/clones`;
    const { repositories, writers } = wire(
      {
        environments: {
          gitops: { repositories: { 'acme/gitops': remote.url } },
        },
      },
      clones,
    );
    const annotation = 'stageline.io/gitops-repo';
    const repo = repositories.resolve('acme/gitops', annotation);
    await repo.snapshot();

    await writers
      .resolve(repositories.locate('acme/gitops', annotation))
      .write(anOverlayWrite());

    expect(await readdir(clones)).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}\.git$/),
    ]);
    repo.markStale();
    const written = await remote.git('rev-parse', 'main');
    await expect(
      (async () => {
        for (let i = 0; i < 50; i++) {
          const snapshot = await repo.snapshot();
          if (snapshot.commitSha === written) return snapshot.commitSha;
          await new Promise(r => setTimeout(r, 50));
        }
        return undefined;
      })(),
    ).resolves.toBe(written);
  });

  it('uses one GitHub client per host: a rate limit met by a write holds back reads too', async () => {
    const standIn = createGithubStandIn({ token: 't' });
    server.use(...standIn.handlers);
    standIn.model.addRepo('acme/gitops', { files: { [PATH]: OVERLAY } });
    const { repositories, writers } = wire(
      { integrations: { github: [{ host: 'github.com', token: 't' }] } },
      mockDir.resolve('github-clones'),
    );
    const annotation = 'stageline.io/gitops-repo';
    standIn.failNext({ kind: 'primary-rate-limit' }, { method: 'PUT' });

    await expect(
      writers
        .resolve(repositories.locate('acme/gitops', annotation))
        .write(anOverlayWrite()),
    ).rejects.toThrow(/GitHub rate limit reached/);
    const sent = standIn.requests.total;
    await expect(
      repositories.resolve('acme/gitops', annotation).snapshot(),
    ).rejects.toThrow(/GitHub rate limit reached/);
    expect(standIn.requests.total).toBe(sent);
  });
});

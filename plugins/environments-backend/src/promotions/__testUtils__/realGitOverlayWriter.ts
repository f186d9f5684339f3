import { join } from 'node:path';
import type { InMemoryGitRepository } from '../../gitops/__testUtils__/InMemoryGitRepository';
import { BareClone } from '../../gitops/local/BareClone';
import { createTestRemote } from '../../gitops/local/createTestRemote';
import type { OverlayWriter } from '../writers/types';
import { fakeTiming } from '../writers/fakeTiming';
import { LocalGitOverlayWriter } from '../writers/local/LocalGitOverlayWriter';

/**
 * The local Git writer over a real Git remote in `root`, seeded with the overlays of `repo`.
 * Each write is a real commit; the written overlay is copied back into `repo`, which the read
 * model reads, as a head check would.
 */
export async function realGitOverlayWriter(
  repo: InMemoryGitRepository,
  root: string,
) {
  const remote = await createTestRemote(root);
  await remote.commit(Object.fromEntries(repo.files), 'Initial overlays');
  const local = new LocalGitOverlayWriter({
    clone: new BareClone({
      url: remote.url,
      displayName: 'acme/gitops',
      clonesDirectory: join(root, 'clones'),
      networkTimeoutMs: 20_000,
    }),
    branch: 'main',
    timing: fakeTiming(),
  });
  const git = (...args: string[]) =>
    remote.git('--git-dir', remote.url, ...args);
  const writer: OverlayWriter = {
    async write(request) {
      const result = await local.write(request);
      repo.files.set(request.path, await git('show', `main:${request.path}`));
      return result;
    },
    status: written => local.status(written),
  };
  return {
    writer,
    /** Commits on main that changed `path`, newest first: their subjects. */
    async commitsTouching(path: string): Promise<string[]> {
      const log = await git('log', '--format=%s', 'main', '--', path);
      return log ? log.split('\n') : [];
    },
    show: (path: string) => git('show', `main:${path}`),
  };
}

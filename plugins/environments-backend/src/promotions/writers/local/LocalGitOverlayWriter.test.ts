import { createMockDirectory } from '@backstage/backend-test-utils';
import { parseKustomizationImages } from '@stageline/plugin-environments-common';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BareClone } from '../../../gitops/local/BareClone';
import { createTestRemote } from '../../../gitops/local/createTestRemote';
import type { OverlayWriteRequest } from '../types';
import { aCheckoutStagingWrite } from '../__testUtils__/anOverlayWrite';
import { editOverlay } from '../editOverlay';
import { fakeTiming } from '../fakeTiming';
import { LocalGitOverlayWriter } from './LocalGitOverlayWriter';

// Each test runs real git processes: seconds on a loaded machine, not milliseconds.
jest.setTimeout(30_000);

const PATH = 'k8s/overlays/staging/kustomization.yaml';
const NAME = 'ghcr.io/acme/checkout';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OVERLAY = `# staging: promoted by Stageline
resources:
    - ../../base   # shared
images:
  - name: ${NAME}
    newTag: "0aaaaaa"
`;
const mockDir = createMockDirectory();

let run = 0;
async function setup(options: { beforePush?: () => Promise<void> } = {}) {
  const root = mockDir.resolve(`run-${run++}`);
  const remote = await createTestRemote(root);
  await remote.commit({ [PATH]: OVERLAY }, 'Initial overlay');
  const writer = new LocalGitOverlayWriter({
    clone: new BareClone({
      url: remote.url,
      displayName: 'acme/gitops',
      clonesDirectory: join(root, 'clones'),
      networkTimeoutMs: 20_000,
    }),
    branch: 'main',
    timing: fakeTiming(),
    beforePush: options.beforePush,
  });
  const show = (ref: string, path = PATH) =>
    remote.git('--git-dir', remote.url, 'show', `${ref}:${path}`);
  const log = (ref: string) =>
    remote.git(
      '--git-dir',
      remote.url,
      'log',
      '--format=%an <%ae>%x1f%B%x1e',
      ref,
    );
  const tip = (ref: string) =>
    remote.git('--git-dir', remote.url, 'rev-parse', ref);
  return { remote, writer, show, log, tip };
}

function request(
  overrides: Partial<OverlayWriteRequest> = {},
): OverlayWriteRequest {
  return aCheckoutStagingWrite(
    { path: PATH, image: { name: NAME, tag: '0123', digest: DIGEST } },
    overrides,
  );
}

describe('LocalGitOverlayWriter', () => {
  it('commits the edit on the base branch and pushes it, keeping the rest of the file', async () => {
    const { writer, show, log, tip } = await setup();
    const result = await writer.write(request());
    expect(result).toEqual({
      mode: 'commit',
      links: { commit: { sha: await tip('main') } },
      alreadyWritten: false,
    });
    const content = await show('main');
    expect(content.split('\n').slice(0, 4)).toEqual(
      OVERLAY.split('\n').slice(0, 4),
    );
    expect(content).toContain('newTag: "0123"');
    expect(parseKustomizationImages(content)[0]).toEqual({
      name: NAME,
      newTag: '0123',
      digest: DIGEST,
    });
    const [latest] = (await log('main')).split('\x1e');
    expect(latest).toContain('Stageline <stageline@users.noreply.invalid>');
    expect(latest).toContain('Stageline-Promotion: p-1');
  });

  it('re-applies on top of a concurrent push, after onConflict', async () => {
    let pushes = 0;
    const context = await setup({
      beforePush: async () => {
        if (pushes++ === 0) {
          await context.remote.commit(
            { 'other.txt': 'concurrent\n' },
            'Concurrent push',
          );
        }
      },
    });
    const onConflict = jest.fn(async () => {});
    const result = await context.writer.write(request({ onConflict }));
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(await context.show('main', 'other.txt')).toBe('concurrent');
    expect(parseKustomizationImages(await context.show('main'))[0].newTag).toBe(
      '0123',
    );
    expect(result.links.commit?.sha).toBe(await context.tip('main'));
  });

  it('gives up with a 409 when every push races, pushing nothing', async () => {
    let pushes = 0;
    const context = await setup({
      beforePush: async () => {
        await context.remote.commit({ 'other.txt': `${pushes++}\n` }, 'Race');
      },
    });
    await expect(context.writer.write(request())).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('3 attempts'),
    });
    expect(await context.log('main')).not.toContain('Stageline-Promotion');
    expect(await context.show('main')).toBe(OVERLAY.trimEnd());
  });

  it("fails with the server's message when a hook refuses the push, without retrying", async () => {
    const { remote, writer, tip } = await setup();
    const before = await tip('main');
    const hook = join(remote.url, 'hooks', 'pre-receive');
    await writeFile(
      hook,
      '#!/bin/sh\necho "pushes to main are frozen" >&2\necho x >> "$GIT_DIR/attempts"\nexit 1\n',
      { mode: 0o755 },
    );
    const onConflict = jest.fn();
    await expect(writer.write(request({ onConflict }))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(
        /refused the push to main: pushes to main are frozen; pre-receive hook declined/,
      ),
    });
    expect(onConflict).not.toHaveBeenCalled();
    expect(await readFile(join(remote.url, 'attempts'), 'utf8')).toBe('x\n');
    expect(await tip('main')).toBe(before);
  });

  it('does not commit twice for the same promotion', async () => {
    const { writer, tip } = await setup();
    const first = await writer.write(request());
    const second = await writer.write(request());
    expect(second).toEqual({ ...first, alreadyWritten: true });
    expect(await tip('main')).toBe(first.links.commit?.sha);
  });

  it("does not take a commit with the promotion's trailer but another tag as the write", async () => {
    const { remote, writer, show, tip } = await setup();
    await remote.commit(
      {
        [PATH]: editOverlay(OVERLAY, {
          imageName: NAME,
          image: { name: NAME, tag: '6666666' },
        }),
      },
      'Bump checkout\n\nStageline-Promotion: p-1',
    );
    const spoofed = await tip('main');
    const result = await writer.write(request());
    expect(result.alreadyWritten).toBe(false);
    expect(result.links.commit?.sha).not.toBe(spoofed);
    expect(result.links.commit?.sha).toBe(await tip('main'));
    expect(parseKustomizationImages(await show('main'))[0]).toEqual({
      name: NAME,
      newTag: '0123',
      digest: DIGEST,
    });
  });

  it("does not take a commit with the promotion's trailer that also changes another file as the write", async () => {
    const { remote, writer, show } = await setup();
    await remote.commit(
      {
        [PATH]: editOverlay(OVERLAY, request()),
        'k8s/overlays/prod/kustomization.yaml': 'images: []\n',
      },
      'Bump checkout\n\nStageline-Promotion: p-1',
    );
    const result = await writer.write(request());
    // The overlay already declares the image: nothing to commit, and no commit to claim.
    expect(result).toEqual({ mode: 'commit', links: {}, alreadyWritten: true });
    expect(parseKustomizationImages(await show('main'))[0].newTag).toBe('0123');
  });

  it("does not take a trailer outside the message's last paragraph as the write", async () => {
    const { remote, writer } = await setup();
    await remote.commit(
      { [PATH]: editOverlay(OVERLAY, request()) },
      'Bump checkout\n\nStageline-Promotion: p-1\n\nSigned-off-by: mallory',
    );
    const result = await writer.write(request());
    expect(result).toEqual({ mode: 'commit', links: {}, alreadyWritten: true });
  });

  it('pushes a branch in pull-request mode and follows it until the base contains it', async () => {
    const { remote, writer, show, tip } = await setup();
    const pr = request({ mode: 'pull-request' });
    const result = await writer.write(pr);
    const branchTip = await tip('stageline/checkout/staging');
    expect(result).toEqual({
      mode: 'pull-request',
      links: {
        commit: { sha: branchTip },
        branch: 'stageline/checkout/staging',
      },
      alreadyWritten: false,
    });
    expect(await show('main')).toBe(OVERLAY.trimEnd());
    const written = {
      promotionId: 'p-1',
      mode: 'pull-request' as const,
      links: result.links,
    };
    await expect(writer.status(written)).resolves.toEqual({ state: 'pending' });
    await expect(writer.write(pr)).resolves.toEqual({
      ...result,
      alreadyWritten: true,
    });
    await remote.git('fetch', '--quiet', 'origin');
    await remote.git('checkout', '--quiet', 'main');
    await remote.git('reset', '--quiet', '--hard', 'origin/main');
    await remote.git(
      'merge',
      '--quiet',
      '--no-ff',
      '-m',
      'Merge',
      'origin/stageline/checkout/staging',
    );
    await remote.git('push', '--quiet', 'origin', 'main');
    await expect(writer.status(written)).resolves.toEqual({
      state: 'merged',
      commitSha: branchTip,
    });
  });

  it('reports a branch deleted unmerged as closed', async () => {
    const { remote, writer } = await setup();
    const result = await writer.write(request({ mode: 'pull-request' }));
    await remote.deleteBranch('stageline/checkout/staging');
    await expect(
      writer.status({
        promotionId: 'p-1',
        mode: 'pull-request',
        links: result.links,
      }),
    ).resolves.toEqual({ state: 'closed' });
  });

  it('refuses a branch holding unmerged work of another change', async () => {
    const { remote, writer, tip } = await setup();
    await remote.commit({ [PATH]: `${OVERLAY}# other\n` }, 'Other change', {
      branch: 'stageline/checkout/staging',
    });
    const before = await tip('stageline/checkout/staging');
    await expect(
      writer.write(request({ mode: 'pull-request' })),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('unmerged work'),
    });
    expect(await tip('stageline/checkout/staging')).toBe(before);
  });

  it('refuses workflow-dispatch: it needs GitHub', async () => {
    const { writer } = await setup();
    await expect(
      writer.write(request({ mode: 'workflow-dispatch' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('needs GitHub'),
    });
  });

  it('refuses a symlinked overlay', async () => {
    const { remote, writer } = await setup();
    await remote.commit({ 'k8s/overlays/prod.yaml': OVERLAY }, 'prod');
    await remote.commit({ [PATH]: { symlink: '../prod.yaml' } }, 'link');
    await expect(writer.write(request())).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('not a regular file'),
    });
  });
});

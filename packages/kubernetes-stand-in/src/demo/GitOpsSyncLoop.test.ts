import { GitOpsSyncLoop } from './GitOpsSyncLoop';

const NAME = 'registry.example.com/shop/checkout';
const TARGET = {
  service: 'checkout',
  namespace: 'qa',
  overlayPath: 'apps/checkout/overlays/qa/kustomization.yaml',
  imageName: NAME,
  replicas: 1,
};

const overlay = (tag: string) =>
  `images:\n  - name: ${NAME}\n    newTag: '${tag}'\n`;

function setUp(files: Record<string, string | undefined>) {
  const deploy = jest.fn((_: unknown) => 'created' as const);
  const log = jest.fn();
  const loop = new GitOpsSyncLoop({
    targets: [TARGET],
    readOverlay: async path => files[path],
    rollouts: { deploy },
    intervalMs: 20,
    log,
  });
  return { deploy, log, loop };
}

describe('GitOpsSyncLoop', () => {
  it("deploys the overlay's image for each target", async () => {
    const { deploy, log, loop } = setUp({
      [TARGET.overlayPath]: overlay('v7'),
    });
    await loop.syncOnce();
    expect(deploy).toHaveBeenCalledWith({
      ...TARGET,
      image: { name: NAME, tag: 'v7' },
    });
    expect(log).toHaveBeenCalledWith('deployed checkout v7 in qa');
  });

  it('leaves the cluster alone when the overlay is missing or broken, and says so once', async () => {
    const files: Record<string, string | undefined> = {};
    const { deploy, log, loop } = setUp(files);
    await loop.syncOnce();
    await loop.syncOnce();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/is not on the branch/);

    files[TARGET.overlayPath] = 'images: {}\n';
    await loop.syncOnce();
    expect(log.mock.calls[1][0]).toMatch(/must be a list/);

    files[TARGET.overlayPath] =
      'images:\n  - name: other/image\n    newTag: x\n';
    await loop.syncOnce();
    expect(log.mock.calls[2][0]).toMatch(/has no image/);
    expect(deploy).not.toHaveBeenCalled();
  });

  it('reads each overlay at the revision its Application observed, not at a newer tip', async () => {
    const byRevision: Record<string, string> = {
      old: overlay('v1'),
      new: overlay('v2'),
    };
    const deploy = jest.fn((_: unknown) => 'created' as const);
    const observe = jest.fn(() => 'apply' as const);
    const readOverlay = jest.fn(async (_path: string, revision?: string) =>
      revision ? byRevision[revision] : byRevision.new,
    );
    const loop = new GitOpsSyncLoop({
      targets: [TARGET],
      readOverlay,
      rollouts: { deploy },
      intervalMs: 20,
      log: jest.fn(),
      // Git's tip moves to `new` after the revision was read: the Application saw `old`.
      agent: { applications: { observe }, readRevision: async () => 'old' },
    });
    await loop.syncOnce();
    expect(observe).toHaveBeenCalledWith(TARGET, 'old');
    expect(readOverlay).toHaveBeenCalledWith(TARGET.overlayPath, 'old');
    expect(deploy).toHaveBeenCalledWith({
      ...TARGET,
      image: { name: NAME, tag: 'v1' },
    });
  });

  it('follows changes on its own once started', async () => {
    const files = { [TARGET.overlayPath]: overlay('v1') };
    const { deploy, loop } = setUp(files);
    loop.start();
    try {
      await waitFor(() => deploy.mock.calls.length > 0);
      files[TARGET.overlayPath] = overlay('v2');
      await waitFor(() =>
        deploy.mock.calls.some(
          ([t]) => (t as { image: { tag: string } }).image.tag === 'v2',
        ),
      );
    } finally {
      await loop.stop();
    }
    const calls = deploy.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(deploy.mock.calls.length).toBe(calls);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

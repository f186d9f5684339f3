import { InMemoryGitRepository } from '../gitops/__testUtils__/InMemoryGitRepository';
import { inMemoryResolver } from '../gitops/__testUtils__/inMemoryResolver';
import { ownerFile } from './__testUtils__/testOwnershipGuard';
import type { EntityContext } from '../catalog/EntityContext';
import { OverlayOwnership } from './OverlayOwnership';

const ctx: EntityContext = {
  entityRef: 'component:default/payments',
  service: 'payments',
  chain: 'default',
  labelSelector: 'app=payments',
  gitopsRepo: 'acme/gitops',
  gitopsRepoAnnotation: 'stageline.io/gitops-repo',
  sourceRepo: 'acme/payments',
  overlaysPath: 'k8s/overlays',
};

function setup(
  entries: ConstructorParameters<typeof OverlayOwnership>[0]['entries'] = [],
) {
  const gitops = new InMemoryGitRepository('acme/gitops');
  gitops.files.set('k8s/overlays/qa/kustomization.yaml', 'images: []\n');
  const repositories = inMemoryResolver({
    'acme/gitops': gitops,
    'acme/payments': new InMemoryGitRepository('acme/payments'),
    'acme/other': new InMemoryGitRepository('acme/other'),
  });
  const ownership = new OverlayOwnership({ entries, repositories });
  const location = repositories.locate('acme/gitops', 'test');
  const check = async (c: EntityContext = ctx) =>
    ownership.check({
      ctx: c,
      gitops: location,
      snapshot: await gitops.snapshot(),
    });
  return { gitops, ownership, check, location };
}

describe('OverlayOwnership', () => {
  it('grants the entity the owner file names, case-insensitively', async () => {
    const { gitops, check } = setup();
    gitops.files.set(...ownerFile('Component:default/Payments'));
    await expect(check()).resolves.toEqual({ owned: true, by: 'owner-file' });
  });

  it('refuses a folder without an owner, and one owned by another entity', async () => {
    const { gitops, check } = setup();
    await expect(check()).resolves.toEqual({
      owned: false,
      reason: expect.stringContaining('names no owner'),
    });
    gitops.files.set(...ownerFile('component:default/checkout'));
    await expect(check()).resolves.toEqual({
      owned: false,
      reason: expect.stringContaining(
        'belongs to component:default/checkout, not component:default/payments',
      ),
    });
  });

  it('refuses an owner file that cannot be read, with its reason', async () => {
    const { gitops, check } = setup();
    gitops.files.set(ownerFile('x')[0], 'entity: payments\n');
    await expect(check()).resolves.toEqual({
      owned: false,
      reason: expect.stringContaining('must be a full entity ref'),
    });
  });

  it('takes a config entry over the owner file, matching the repository however it is named', async () => {
    const { gitops, check } = setup([
      {
        entity: 'component:default/payments',
        repository: 'acme/gitops',
        overlaysPath: 'k8s/overlays',
        sourceRepository: 'acme/other',
      },
    ]);
    gitops.files.set(...ownerFile('component:default/checkout'));
    await expect(check()).resolves.toEqual({
      owned: true,
      by: 'config',
      sourceRepository: 'acme/other',
    });
    await expect(
      check({ ...ctx, overlaysPath: 'k8s/elsewhere' }),
    ).resolves.toMatchObject({ owned: false });
  });

  it('bounds the source repository to the GitOps repository or the one the owner names', async () => {
    const { gitops, ownership, check, location } = setup();
    gitops.files.set(...ownerFile('component:default/payments'));
    const unnamed = await check();
    expect(() =>
      ownership.assertSourceRepository(ctx, location, unnamed),
    ).toThrow(/add 'sourceRepository: acme\/payments'/);
    expect(() =>
      ownership.assertSourceRepository(
        { ...ctx, sourceRepo: 'acme/gitops' },
        location,
        unnamed,
      ),
    ).not.toThrow();

    gitops.files.set(
      ...ownerFile('component:default/payments', {
        sourceRepository: 'acme/payments',
      }),
    );
    const named = await check();
    expect(() =>
      ownership.assertSourceRepository(ctx, location, named),
    ).not.toThrow();
    expect(() =>
      ownership.assertSourceRepository(
        { ...ctx, sourceRepo: 'acme/other' },
        location,
        named,
      ),
    ).toThrow(/is not the GitOps repository/);
  });
});

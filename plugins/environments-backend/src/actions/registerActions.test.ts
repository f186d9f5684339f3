import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { storeTestDatabases } from '../promotions/store/__testUtils__/storeTestDatabases';
import {
  ALICE,
  BOB,
  CAROL,
  promotionWorld,
} from '../promotions/__testUtils__/promotionWorld';
import { registerActions } from './registerActions';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

async function setup(denied: string[] = []) {
  const w = await promotionWorld(databases, 'SQLITE_3', { denied });
  const actionsRegistry = actionsRegistryServiceMock();
  registerActions({
    actionsRegistry,
    permissions: w.permissions,
    environments: w.deps.environments,
    promotions: w.service,
  });
  return { ...w, actionsRegistry };
}

describe('environments actions', () => {
  it('get-environments reports versions, sync and gates', async () => {
    const { actionsRegistry } = await setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-environments',
      input: { entityRef: 'checkout' },
      credentials: ALICE,
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/checkout',
      environments: [
        { name: 'qa', sync: 'in-sync' },
        { name: 'staging', promotion: { from: 'qa', ready: true } },
        { name: 'production', promotion: { from: 'staging' } },
      ],
    });
  });

  it('get-version-diff lists commits between two versions', async () => {
    const { actionsRegistry, repo } = await setup();
    repo.comparison = {
      commits: [
        {
          sha: 'c'.repeat(40),
          message: 'Fix carts',
          pullRequest: { number: 7 },
        },
      ],
      truncated: false,
    };
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-version-diff',
      input: {
        entityRef: 'component:default/checkout',
        from: 'a'.repeat(40),
        to: 'b'.repeat(40),
      },
      credentials: ALICE,
    });
    expect(output).toMatchObject({
      commits: [{ message: 'Fix carts', pullRequest: 7 }],
    });
  });

  it('request-promotion and approve-promotion move production through its approvals', async () => {
    const { actionsRegistry, engine, writer } = await setup();
    const requested = await actionsRegistry.invoke({
      id: 'test:request-promotion',
      input: { entityRef: 'checkout', target: 'production', reason: 'release' },
      credentials: ALICE,
    });
    const id = (requested.output as { id: string; state: string }).id;
    expect(requested.output).toMatchObject({
      state: 'awaiting-approval',
      approvalsRequired: 2,
    });
    await expect(
      actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: { promotionId: id, decision: 'approve' },
        credentials: ALICE,
      }),
    ).rejects.toThrow(/You requested this promotion/);
    for (const credentials of [BOB, CAROL]) {
      await actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: { promotionId: id, decision: 'approve' },
        credentials,
      });
    }
    await engine.idle();
    expect(writer.writes).toHaveLength(1);
  });

  it.each([
    ['get-environments', 'environments.read', { entityRef: 'checkout' }],
    [
      'get-version-diff',
      'environments.read',
      { entityRef: 'checkout', from: 'a', to: 'b' },
    ],
    [
      'request-promotion',
      'environments.promote',
      { entityRef: 'checkout', target: 'staging' },
    ],
  ])(
    '%s authorizes inside the action (%s) before any cluster or Git call',
    async (name, permission, input) => {
      const w = await setup([permission]);
      await expect(
        w.actionsRegistry.invoke({
          id: `test:${name}`,
          input,
          credentials: ALICE,
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(w.clusters.queries).toEqual([]);
      expect(w.resolve).not.toHaveBeenCalled();
      expect(w.writer.writes).toEqual([]);
    },
  );

  it('approve-promotion authorizes inside the action (environments.approve)', async () => {
    const w = await setup(['environments.approve']);
    const { promotion } = await w.service.request(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      { target: 'production' },
      { credentials: ALICE },
    );
    await expect(
      w.actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: { promotionId: promotion.id, decision: 'approve' },
        credentials: BOB,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect((await w.store.get(promotion.id))?.approvals).toEqual([]);
  });
});

import { formatImageReference } from '@stageline/plugin-environments-common';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  BOB,
  CAROL,
  version,
} from '../promotions/__testUtils__/promotionWorld';
import { approverView } from '../promotions/__testUtils__/approverView';
import { actionsWorld } from './__testUtils__/actionsWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

describe('environments actions', () => {
  it('get-environments reports versions, sync and gates', async () => {
    const { actionsRegistry } = await actionsWorld(databases);
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
    const { actionsRegistry, repo } = await actionsWorld(databases);
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
    const w = await actionsWorld(databases);
    const { actionsRegistry, engine, writer } = w;
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
    const seen = await approverView(w, id);
    await expect(
      actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: { promotionId: id, decision: 'approve', ...seen },
        credentials: ALICE,
      }),
    ).rejects.toThrow(/You requested this promotion/);
    for (const credentials of [BOB, CAROL]) {
      await actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: { promotionId: id, decision: 'approve', ...seen },
        credentials,
      });
    }
    await engine.idle();
    expect(writer.writes).toHaveLength(1);
  });

  it('get-environments shows what approve-promotion must name, which refuses a version that moved on', async () => {
    const w = await actionsWorld(databases);
    const { promotion } = await w.service.request(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      { target: 'production' },
      { credentials: ALICE },
    );
    const { output } = await w.actionsRegistry.invoke({
      id: 'test:get-environments',
      input: { entityRef: 'checkout' },
      credentials: BOB,
    });
    const production = (output as any).environments[2];
    expect(production).toMatchObject({
      desired: formatImageReference(version('v1')),
      promotion: {
        inFlight: {
          id: promotion.id,
          version: formatImageReference(version('v2')),
          state: 'awaiting-approval',
          approvalsRequired: 2,
          approvedBy: [],
        },
      },
    });
    w.declares('staging', 'v3');
    w.runs('staging', 'v3');
    await w.engine.advanceAll();

    await expect(
      w.actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: {
          promotionId: promotion.id,
          decision: 'approve',
          version: production.promotion.inFlight.version,
          targetBase: production.desired,
        },
        credentials: BOB,
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(formatImageReference(version('v3'))),
    });
    expect((await w.store.get(promotion.id))?.approvals).toEqual([]);
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
      const w = await actionsWorld(databases, [permission]);
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
    const w = await actionsWorld(databases, ['environments.approve']);
    const { promotion } = await w.service.request(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      { target: 'production' },
      { credentials: ALICE },
    );
    await expect(
      w.actionsRegistry.invoke({
        id: 'test:approve-promotion',
        input: {
          promotionId: promotion.id,
          decision: 'approve',
          ...(await approverView(w, promotion.id)),
        },
        credentials: BOB,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect((await w.store.get(promotion.id))?.approvals).toEqual([]);
  });
});

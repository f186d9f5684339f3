import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { ALICE, BOB, REF } from '../promotions/__testUtils__/promotionWorld';
import { actionsWorld } from './__testUtils__/actionsWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

describe('rollback and cancel actions', () => {
  it('request-rollback returns an environment to a version that succeeded there before', async () => {
    const w = await actionsWorld(databases);
    await w.promoteToStaging('v3');
    w.clock.advance(2 * 3600_000);
    await w.promoteToStaging('v4');
    const { output } = await w.actionsRegistry.invoke({
      id: 'test:request-rollback',
      input: {
        entityRef: 'checkout',
        target: 'staging',
        version: 'v3',
        reason: 'v4 breaks carts',
      },
      credentials: ALICE,
    });
    expect(output).toMatchObject({ state: 'executing' });
    const { id } = output as { id: string };
    expect(await w.store.get(id)).toMatchObject({
      kind: 'rollback',
      requestedBy: 'user:default/alice',
    });
    await w.engine.idle();
    expect(w.writer.writes.at(-1)?.image.tag).toBe('v3');
  });

  it('request-rollback authorizes inside the action (environments.rollback)', async () => {
    const w = await actionsWorld(databases, ['environments.rollback']);
    await w.promoteToStaging('v3');
    await expect(
      w.actionsRegistry.invoke({
        id: 'test:request-rollback',
        input: { entityRef: 'checkout', target: 'staging', version: 'v2' },
        credentials: ALICE,
      }),
    ).rejects.toThrow(/environments\.rollback/);
  });

  it('cancel-promotion cancels a promotion that waits for approvals', async () => {
    const w = await actionsWorld(databases);
    const { promotion } = await w.service.request(
      REF,
      { target: 'production' },
      { credentials: ALICE },
    );
    const { output } = await w.actionsRegistry.invoke({
      id: 'test:cancel-promotion',
      input: { promotionId: promotion.id },
      credentials: ALICE,
    });
    expect(output).toMatchObject({ id: promotion.id, state: 'cancelled' });
    expect(w.writer.writes).toEqual([]);
  });

  it("acknowledge-breakglass records another approver's acknowledgement, never the requester's", async () => {
    const w = await actionsWorld(databases);
    const { promotion } = await w.service.request(
      REF,
      {
        target: 'production',
        reason: 'Checkout down',
        breakGlass: { incident: 'https://status.example.com/incidents/7' },
      },
      { credentials: ALICE },
    );
    await expect(
      w.actionsRegistry.invoke({
        id: 'test:acknowledge-breakglass',
        input: { promotionId: promotion.id },
        credentials: ALICE,
      }),
    ).rejects.toThrow(/cannot acknowledge it/);
    const { output } = await w.actionsRegistry.invoke({
      id: 'test:acknowledge-breakglass',
      input: { promotionId: promotion.id },
      credentials: BOB,
    });
    expect(output).toMatchObject({
      id: promotion.id,
      breakGlass: {
        incident: 'https://status.example.com/incidents/7',
        acknowledgedBy: 'user:default/bob',
      },
    });
  });
});

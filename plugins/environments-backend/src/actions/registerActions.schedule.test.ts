import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { CHECKOUT } from '../promotions/__testUtils__/promotionWorld';
import { actionsWorld } from './__testUtils__/actionsWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const BREAK_GLASS = 'environments.promote.breakglass';
const INCIDENT = 'https://incidents.example.com/42';
// The world's clock starts at 2026-11-20T12:00:00Z.
const LATER = '2026-11-20T14:00:00Z';

describe('request actions: schedule and break-glass', () => {
  it('request-promotion schedules a promotion, which cancel-promotion cancels before it runs', async () => {
    const w = await actionsWorld(databases);
    const { output } = await w.invoke('request-promotion', {
      entityRef: 'checkout',
      target: 'staging',
      schedule: { notBefore: LATER },
    });
    expect(output).toMatchObject({
      state: 'requested',
      schedule: { notBefore: '2026-11-20T14:00:00.000Z' },
      waitingFor: { kind: 'schedule', until: '2026-11-20T14:00:00.000Z' },
    });
    const { id } = output as { id: string };

    const cancelled = await w.invoke('cancel-promotion', { promotionId: id });
    expect(cancelled.output).toMatchObject({ state: 'cancelled' });
    w.clock.advance(3 * 3600_000);
    await w.engine.advanceAll();
    expect(w.writer.writes).toEqual([]);
  });

  it('request-promotion refuses a schedule in the past or without a time, storing nothing', async () => {
    const w = await actionsWorld(databases);
    await expect(
      w.invoke('request-promotion', {
        entityRef: 'checkout',
        target: 'staging',
        schedule: { notBefore: '2026-11-20T11:00:00Z' },
      }),
    ).rejects.toThrow(/must be in the future/);
    await expect(
      w.invoke('request-promotion', {
        entityRef: 'checkout',
        target: 'staging',
        schedule: {},
      }),
    ).rejects.toThrow(/schedule needs notBefore/);
    expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
  });

  it('request-rollback schedules a rollback, written once its time came', async () => {
    const w = await actionsWorld(databases);
    for (const tag of ['v3', 'v4']) {
      await w.promoteToStaging(tag);
      w.clock.advance(2 * 3600_000);
    }
    const { output } = await w.invoke('request-rollback', {
      entityRef: 'checkout',
      target: 'staging',
      version: 'v3',
      reason: 'v4 breaks carts',
      schedule: { notBefore: '2026-11-20T17:00:00Z' },
    });
    expect(output).toMatchObject({ state: 'requested' });
    await w.engine.idle();
    expect(w.writer.writes).toHaveLength(2);
    w.clock.advance(3600_000 + 1000);
    await w.engine.advanceAll();
    expect(w.writer.writes).toHaveLength(3);
  });

  it('request-promotion with breakGlass bypasses the gates for a caller allowed to and says so', async () => {
    const w = await actionsWorld(databases);
    // Production needs two approvals: break-glass bypasses them.
    const { output } = await w.invoke('request-promotion', {
      entityRef: 'checkout',
      target: 'production',
      reason: 'checkout is down',
      breakGlass: { incident: INCIDENT },
    });
    expect(output).toMatchObject({
      state: 'executing',
      approvalsRequired: 0,
      breakGlass: { incident: INCIDENT },
    });
    await w.engine.idle();
    expect(w.writer.writes).toHaveLength(1);
  });

  it('request-promotion refuses breakGlass without the permission, and without a reason', async () => {
    const denied = await actionsWorld(databases, [BREAK_GLASS]);
    await expect(
      denied.invoke('request-promotion', {
        entityRef: 'checkout',
        target: 'production',
        reason: 'checkout is down',
        breakGlass: { incident: INCIDENT },
      }),
    ).rejects.toThrow(
      "Not allowed: 'environments.promote.breakglass' on 'component:default/checkout'",
    );
    expect(await denied.store.listByEntity(CHECKOUT)).toEqual([]);

    const allowed = await actionsWorld(databases);
    await expect(
      allowed.invoke('request-promotion', {
        entityRef: 'checkout',
        target: 'production',
        breakGlass: { incident: INCIDENT },
      }),
    ).rejects.toThrow(/needs a reason/);
    await expect(
      allowed.invoke('request-promotion', {
        entityRef: 'checkout',
        target: 'production',
        reason: 'checkout is down',
        breakGlass: { incident: 'ftp://incidents.example.com/42' },
      }),
    ).rejects.toThrow(/incident link/);
    expect(await allowed.store.listByEntity(CHECKOUT)).toEqual([]);
    expect(allowed.writer.writes).toEqual([]);
  });
});

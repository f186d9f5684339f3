import { PromotionEngine } from './PromotionEngine';
import { PromotionService } from '../PromotionService';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import { approverView } from '../__testUtils__/approverView';
import {
  aliceRequests,
  BOB,
  CAROL,
  promotionWorld,
} from '../__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

type World = Awaited<ReturnType<typeof promotionWorld>>;

/** A backend restart: a new engine and service over the same database and Git. */
function restart(w: World) {
  const deps = { ...w.deps, instanceId: 'instance-b' };
  const engine = new PromotionEngine(deps);
  return { engine, service: new PromotionService(deps, engine) };
}

const pullRequests = {
  chains: {
    default: [
      { name: 'qa' },
      { name: 'staging' },
      { name: 'production', gates: { approvals: 2 } },
    ],
  },
  gitops: { mode: 'pull-request' },
};

describe('PromotionEngine after a restart', () => {
  it('resumes a promotion awaiting approval', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const { promotion } = await aliceRequests(w, 'production');
    await w.service.decide(
      promotion.id,
      { decision: 'approve', ...(await approverView(w, promotion.id)) },
      { credentials: BOB },
    );
    const after = restart(w);
    await after.service.decide(
      promotion.id,
      { decision: 'approve', ...(await approverView(w, promotion.id)) },
      { credentials: CAROL },
    );
    await after.engine.idle();
    expect(w.writer.writes).toHaveLength(1);
    expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
  });

  it('does not write twice when it stopped between the write and recording it', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const crash = jest
      .spyOn(w.store, 'transition')
      .mockImplementationOnce(async () => {
        throw new Error('backend stopped');
      });
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    expect(w.writer.writes).toHaveLength(1);
    expect((await w.store.get(promotion.id))?.state).toBe('executing');
    crash.mockRestore();

    const after = restart(w);
    await after.engine.advanceAll();
    expect(w.writer.writes).toHaveLength(1);
    expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
  });

  it('waits for the lease of an instance that died while advancing, then takes over', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const { promotion } = await aliceRequests(w, 'production');
    // Another instance took the promotion and died without releasing it.
    expect(await w.store.claim(promotion.id, 'instance-dead', 2 * 60_000)).toBe(
      true,
    );
    const after = restart(w);
    await after.service.decide(
      promotion.id,
      { decision: 'approve', ...(await approverView(w, promotion.id)) },
      { credentials: BOB },
    );
    await after.service.decide(
      promotion.id,
      { decision: 'approve', ...(await approverView(w, promotion.id)) },
      { credentials: CAROL },
    );
    await after.engine.idle();
    await after.engine.advanceAll();
    expect(w.writer.writes).toEqual([]);
    w.clock.advance(3 * 60_000);
    await after.engine.advanceAll();
    expect(w.writer.writes).toHaveLength(1);
  });

  it('resumes a promotion waiting for its pull request to merge', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      environments: pullRequests,
    });
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    expect((await w.store.get(promotion.id))?.state).toBe('waiting-for-merge');
    const after = restart(w);
    await after.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.state).toBe('waiting-for-merge');
    w.writer.merge(promotion.id);
    await after.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
    w.runs('staging', 'v3');
    await after.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
    expect(w.writer.writes).toHaveLength(1);
  });

  it('resumes a promotion rolling out', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    const after = restart(w);
    w.runs('staging', 'v3');
    await after.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
  });

  it('fails a promotion whose pull request was closed without merging', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      environments: pullRequests,
    });
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    jest.spyOn(w.writer, 'status').mockResolvedValueOnce({ state: 'closed' });
    await restart(w).engine.advanceAll();
    const failed = await w.store.get(promotion.id);
    expect(failed?.state).toBe('failed');
    expect(failed?.stateReason).toMatch(/closed without merging/);
  });
});

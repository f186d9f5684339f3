import { mockServices } from '@backstage/backend-test-utils';
import { PromotionEngine } from './engine/PromotionEngine';
import { PromotionService } from './PromotionService';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { approverView } from './__testUtils__/approverView';
import {
  ALICE,
  aliceRequests,
  BOB,
  promotionWorld,
  REF,
} from './__testUtils__/promotionWorld';

// Finding 9 of issue 11: requests and approvals for protected environments are audited with
// severity high, everything else medium.
jest.setTimeout(60_000);
const databases = storeTestDatabases();

/** qa -> staging (one approval, not protected) -> production (protected, one approval). */
const environments = {
  chains: {
    default: [
      { name: 'qa' },
      { name: 'staging', gates: { approvals: 1 } },
      { name: 'production', protected: true, gates: { approvals: 1 } },
    ],
  },
  gitops: { mode: 'commit' },
};

async function world(denied: string[] = []) {
  const w = await promotionWorld(databases, 'SQLITE_3', {
    environments,
    denied,
  });
  const events: Array<{ eventId: string; severityLevel?: string }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async ({ eventId, severityLevel }) => {
      events.push({ eventId, severityLevel });
      return { success: async () => {}, fail: async () => {} };
    }),
  });
  const deps = { ...w.deps, auditor };
  const service = new PromotionService(deps, new PromotionEngine(deps));
  return { ...w, service, events };
}

const severityOf = (
  events: Array<{ eventId: string; severityLevel?: string }>,
  eventId: string,
) => events.filter(e => e.eventId === eventId).map(e => e.severityLevel);

describe('auditor severity of promotion requests and approvals', () => {
  it.each([
    ['production', 'high'],
    ['staging', 'medium'],
  ])('is %s -> %s for a request', async (target, severity) => {
    const w = await world();
    await w.service.request(REF, { target }, { credentials: ALICE });
    expect(severityOf(w.events, 'promotion-request')).toEqual([severity]);
  });

  it('is high for a refused request into a protected environment', async () => {
    const w = await world(['environments.promote']);
    await expect(
      w.service.request(REF, { target: 'production' }, { credentials: ALICE }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(severityOf(w.events, 'promotion-request')).toEqual(['high']);
  });

  it('is high for a rollback request into a protected environment', async () => {
    const w = await world();
    await expect(
      w.service.request(
        REF,
        { target: 'production', version: 'v1', rollback: true },
        { credentials: ALICE },
      ),
    ).rejects.toThrow(/never ran successfully/);
    expect(severityOf(w.events, 'rollback-request')).toEqual(['high']);
  });

  it.each([
    ['production', 'high'],
    ['staging', 'medium'],
  ])('is %s -> %s for an approval', async (target, severity) => {
    const w = await world();
    const { promotion } = await w.service.request(
      REF,
      { target },
      { credentials: ALICE },
    );
    await w.service.decide(
      promotion.id,
      { decision: 'approve', ...(await approverView(w, promotion.id)) },
      { credentials: BOB },
    );
    expect(severityOf(w.events, 'promotion-decision')).toEqual([severity]);
  });

  it('is medium for a cancel, even in a protected environment', async () => {
    const w = await world();
    const { promotion } = await aliceRequests(w, 'production');
    await w.service.cancel(promotion.id, { credentials: ALICE });
    expect(severityOf(w.events, 'promotion-cancel')).toEqual(['medium']);
  });
});

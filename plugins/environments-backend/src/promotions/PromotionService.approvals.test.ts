import { formatImageReference } from '@stageline/plugin-environments-common';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { approverView } from './__testUtils__/approverView';
import {
  ALICE,
  BOB,
  CAROL,
  promotionWorld,
  REF,
  version,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

/** Production awaits two approvals of v2 (what staging runs); production declares v1. */
async function awaitingProduction() {
  const w = await promotionWorld(databases, 'SQLITE_3');
  const { promotion } = await w.service.request(
    REF,
    { target: 'production', reason: 'release 42' },
    { credentials: ALICE },
  );
  expect(promotion.state).toBe('awaiting-approval');
  return { w, id: promotion.id };
}

describe('PromotionService approvals are for what the approver saw', () => {
  it('records an approval of the version and target base the approver was shown', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);
    expect(seen).toEqual({
      version: formatImageReference(version('v2')),
      targetBase: formatImageReference(version('v1')),
    });

    const decided = await w.service.decide(
      id,
      { decision: 'approve', ...seen },
      { credentials: BOB },
    );

    expect(decided.approvals).toEqual([
      expect.objectContaining({ user: 'user:default/bob', valid: true }),
    ]);
  });

  it('answers 409 naming the new version when the source moved the promotion on, and records nothing', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);
    // Between Bob's view and his click, staging moves to v3 and the engine follows it.
    w.declares('staging', 'v3');
    w.runs('staging', 'v3');
    await w.engine.advanceAll();
    expect((await w.store.get(id))?.version).toEqual(version('v3'));

    const error = await w.service
      .decide(id, { decision: 'approve', ...seen }, { credentials: BOB })
      .catch(e => e);

    expect(error.name).toBe('ConflictError');
    expect(error.message).toContain(formatImageReference(version('v3')));
    const after = await w.store.get(id);
    expect(after?.approvals).toEqual([]);
    expect(after?.state).toBe('awaiting-approval');

    // Looking again and approving what is now shown works.
    const again = await w.service.decide(
      id,
      { decision: 'approve', ...(await approverView(w, id)) },
      { credentials: BOB },
    );
    expect(again.approvals).toEqual([
      expect.objectContaining({ user: 'user:default/bob', valid: true }),
    ]);
  });

  it("answers 409 naming the target's new base when the target overlay changed, and records nothing", async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);
    // Someone hotfixes production's overlay by hand after Bob looked.
    w.declares('production', 'v1-hotfix');

    const error = await w.service
      .decide(id, { decision: 'approve', ...seen }, { credentials: BOB })
      .catch(e => e);

    expect(error.name).toBe('ConflictError');
    expect(error.message).toContain(formatImageReference(version('v1-hotfix')));
    expect((await w.store.get(id))?.approvals).toEqual([]);
  });

  it('holds a rejection to the same view: a stale one does not end the promotion', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);
    w.declares('staging', 'v3');
    w.runs('staging', 'v3');
    await w.engine.advanceAll();

    const error = await w.service
      .decide(
        id,
        { decision: 'reject', comment: 'not v2', ...seen },
        { credentials: CAROL },
      )
      .catch(e => e);

    expect(error.name).toBe('ConflictError');
    const after = await w.store.get(id);
    expect(after?.state).toBe('awaiting-approval');
    expect(after?.approvals).toEqual([]);
  });

  it('counts a base of null only when the target declares nothing', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);

    const error = await w.service
      .decide(
        id,
        { decision: 'approve', ...seen, targetBase: null },
        { credentials: BOB },
      )
      .catch(e => e);

    expect(error.name).toBe('ConflictError');
    expect(error.message).toContain(formatImageReference(version('v1')));
    expect((await w.store.get(id))?.approvals).toEqual([]);
  });

  it('refuses when the target base cannot be read now, rather than assume it', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);
    w.repo.files.delete('k8s/overlays/production/kustomization.yaml');

    const error = await w.service
      .decide(id, { decision: 'approve', ...seen }, { credentials: BOB })
      .catch(e => e);

    expect(error.name).toBe('ServiceUnavailableError');
    expect((await w.store.get(id))?.approvals).toEqual([]);
  });

  it('refuses a malformed version with an InputError', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);

    const error = await w.service
      .decide(
        id,
        { decision: 'approve', ...seen, version: 'not an image!' },
        { credentials: BOB },
      )
      .catch(e => e);

    expect(error.name).toBe('InputError');
    expect((await w.store.get(id))?.approvals).toEqual([]);
  });
});

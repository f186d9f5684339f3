import { createMockDirectory } from '@backstage/backend-test-utils';
import { requiredTestDatabaseIds } from '../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  aliceRequests,
  BOB,
  CAROL,
  CHECKOUT,
  promotionWorld,
  REF,
  version,
} from './__testUtils__/promotionWorld';
import { realGitOverlayWriter } from './__testUtils__/realGitOverlayWriter';

jest.setTimeout(120_000);
const databases = storeTestDatabases();
const mockDir = createMockDirectory();
let run = 0;
const PRODUCTION = 'k8s/overlays/production/kustomization.yaml';

const INCIDENT = 'https://status.example.com/incidents/42';

/**
 * production needs two approvals, is frozen now (12:00) until 18:00, and wants staging's version
 * to have soaked three hours: staging has run v2 for two.
 */
async function frozenWorld(
  id: Parameters<typeof promotionWorld>[1],
  denied: string[] = [],
) {
  return promotionWorld(databases, id, {
    denied,
    environments: {
      chains: {
        default: [
          { name: 'qa' },
          { name: 'staging' },
          {
            name: 'production',
            protected: true,
            approvers: ['group:default/release-managers'],
            gates: {
              approvals: 2,
              soakTime: '3h',
              freezeWindows: [
                {
                  start: '2026-11-20T11:00:00Z',
                  end: '2026-11-20T18:00:00Z',
                  reason: 'Holiday freeze',
                },
              ],
            },
          },
        ],
      },
      gitops: { mode: 'commit' },
    },
  });
}

const breakGlass = {
  target: 'production',
  reason: 'Checkout down: v2 carries the fix',
  breakGlass: { incident: INCIDENT },
};

describe('break-glass promotions', () => {
  it.each([
    [
      'without environments.promote.breakglass',
      ['environments.promote.breakglass'],
      breakGlass,
      'NotAllowedError',
    ],
    [
      'without a reason',
      [],
      { target: 'production', breakGlass: { incident: INCIDENT } },
      'InputError',
    ],
    [
      'without an http(s) incident link',
      [],
      {
        ...breakGlass,
        breakGlass: { incident: 'ftp://status.example.com/42' },
      },
      'InputError',
    ],
  ])(
    'is refused %s: nothing stored, nothing read from the cluster, nothing written',
    async (_case, denied, body, name) => {
      const w = await frozenWorld('SQLITE_3', denied);
      await expect(
        w.service.request(REF, body, { credentials: ALICE }),
      ).rejects.toMatchObject({ name });
      expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
      expect(w.clusters.queries).toEqual([]);
      expect(w.writer.writes).toEqual([]);
    },
  );

  it.each(requiredTestDatabaseIds())(
    'goes through a freeze, soak time and approvals, audited as break-glass and listed until another approver acknowledges it (%s)',
    async id => {
      const w = await frozenWorld(id);
      // Writes are real commits on a real Git remote.
      const git = await realGitOverlayWriter(
        w.repo,
        mockDir.resolve(`r${run++}`),
      );
      w.deps.writers = { resolve: () => git.writer };
      // Without break-glass the same promotion is blocked.
      await expect(
        w.service.request(
          REF,
          { target: 'production' },
          { credentials: ALICE },
        ),
      ).rejects.toThrow(/Holiday freeze/);

      const { promotion } = await w.service.request(REF, breakGlass, {
        credentials: ALICE,
      });
      expect(promotion).toMatchObject({
        state: 'executing',
        approvalsRequired: 0,
        breakGlass: { incident: INCIDENT },
      });
      await w.engine.idle();
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
      // One commit on production's overlay besides the initial one, declaring v2's digest.
      const commits = await git.commitsTouching(PRODUCTION);
      expect(commits).toHaveLength(2);
      expect(commits[1]).toBe('Initial overlays');
      expect(await git.show(PRODUCTION)).toContain(version('v2').digest);

      const events = await w.store.listAudit({ promotionId: promotion.id });
      expect(events[0]).toMatchObject({
        actor: 'user:default/alice',
        action: 'promotion.break-glass',
        message: expect.stringContaining(INCIDENT),
      });
      expect(w.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'breakglass-request',
          severityLevel: 'high',
        }),
      );
      expect(w.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: expect.objectContaining({
            entityRef: ['group:default/release-managers'],
            excludeEntityRef: 'user:default/alice',
          }),
          payload: expect.objectContaining({
            title: expect.stringMatching(/^Break-glass/),
          }),
        }),
      );

      const listed = await w.service.unacknowledgedBreakGlass(REF, {
        credentials: BOB,
      });
      expect(listed.promotions.map(p => p.id)).toEqual([promotion.id]);

      await expect(
        w.service.acknowledge(promotion.id, { credentials: ALICE }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      const acknowledged = await w.service.acknowledge(promotion.id, {
        credentials: BOB,
      });
      expect(acknowledged.breakGlass).toMatchObject({
        incident: INCIDENT,
        acknowledgedBy: 'user:default/bob',
      });
      await expect(
        w.service.acknowledge(promotion.id, { credentials: CAROL }),
      ).rejects.toThrow(/already acknowledged by user:default\/bob/);
      expect(
        (await w.service.unacknowledgedBreakGlass(REF, { credentials: BOB }))
          .promotions,
      ).toEqual([]);
      expect(
        (await w.store.listAudit({ promotionId: promotion.id })).map(
          e => e.action,
        ),
      ).toContain('promotion.break-glass-acknowledged');
    },
  );

  it('is acknowledged only by someone allowed to approve', async () => {
    const w = await frozenWorld('SQLITE_3', ['environments.approve']);
    const { promotion } = await w.service.request(REF, breakGlass, {
      credentials: ALICE,
    });
    await expect(
      w.service.acknowledge(promotion.id, { credentials: BOB }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect((await w.store.get(promotion.id))?.breakGlass).toEqual({
      incident: INCIDENT,
    });
  });

  it('refuses to acknowledge an ordinary promotion', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const { promotion } = await aliceRequests(w, 'staging');
    await expect(
      w.service.acknowledge(promotion.id, { credentials: BOB }),
    ).rejects.toThrow(/not break-glass/);
  });
});

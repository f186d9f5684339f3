import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CHECKOUT,
  hoursAgo,
  NOW,
  PAYMENTS,
  previewFixture,
  service,
  type Grants,
} from './__testUtils__/previewFixture';

const ANN = 'user:default/ann';
const BY_ANN = { actor: ANN, credentials: mockCredentials.user(ANN) };
/** Ann owns checkout: every permission on it, none on payments. */
const annOwnsCheckout: Grants = (_user, _permission, resourceRef) =>
  resourceRef === CHECKOUT.entityRef;
const SHARED = {
  workloads: [CHECKOUT.labelSelector, PAYMENTS.labelSelector],
  createdAt: hoursAgo(2),
};

type Fixture = ReturnType<typeof previewFixture>;

const attempts: Array<[string, (f: Fixture) => Promise<unknown>]> = [
  [
    'preview.delete',
    f => f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN),
  ],
  [
    'preview.keep',
    f => f.previews.keepPreview(CHECKOUT, 'feature-pr-4', true, BY_ANN),
  ],
  [
    'preview.extend',
    f => f.previews.extendPreview(CHECKOUT, 'feature-pr-4', 3_600_000, BY_ANN),
  ],
];

describe('PreviewService on a namespace that holds several services’ workloads', () => {
  it.each(attempts)(
    'refuses %s to the owner of one service, leaves the namespace as it is, and audits the refusal',
    async (action, attempt) => {
      const f = previewFixture({ grants: annOwnsCheckout });
      f.clusters.addNamespace('local', 'feature-pr-4', SHARED);

      await expect(attempt(f)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining(`lacks them on ${PAYMENTS.entityRef}`),
      });

      expect(f.clusters.has('local', 'feature-pr-4')).toBe(true);
      expect(f.clusters.deletes).toEqual([]);
      expect(f.overrides.overrides.size).toBe(0);
      expect(f.audit).toEqual([
        {
          at: NOW.toISOString(),
          actor: ANN,
          action,
          result: 'refused',
          message: expect.stringContaining(
            `Namespace 'feature-pr-4' also holds the workloads of ${PAYMENTS.entityRef}`,
          ),
          entityRef: CHECKOUT.entityRef,
          environment: 'feature-pr-4',
        },
      ]);
    },
  );

  it('lets someone who may act on every service in it delete it', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', SHARED);

    await f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN);

    expect(f.clusters.has('local', 'feature-pr-4')).toBe(false);
    expect(f.permissions.authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({ resourceRef: PAYMENTS.entityRef }),
        expect.objectContaining({ resourceRef: PAYMENTS.entityRef }),
      ],
      { credentials: BY_ANN.credentials },
    );
    expect(f.audit.map(a => [a.action, a.result])).toEqual([
      ['preview.delete', 'succeeded'],
    ]);
  });

  it('asks nothing more for a namespace that holds only the service’s workloads', async () => {
    const f = previewFixture({ grants: annOwnsCheckout });
    f.clusters.addNamespace('local', 'feature-pr-4', {
      workloads: [CHECKOUT.labelSelector],
    });

    await f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN);

    expect(f.clusters.has('local', 'feature-pr-4')).toBe(false);
    expect(f.permissions.authorize).not.toHaveBeenCalled();
  });

  it('fails closed, changing nothing, when another service’s workloads there cannot be read', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', SHARED);
    const read = f.clusters.getLiveState.bind(f.clusters);
    jest
      .spyOn(f.clusters, 'getLiveState')
      .mockImplementation(async query =>
        query.labelSelector === PAYMENTS.labelSelector
          ? { ok: false, reason: 'watch of pods is down' }
          : read(query),
      );

    await expect(
      f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('watch of pods is down'),
    });
    expect(f.clusters.deletes).toEqual([]);
  });

  it('has the reaper leave alone a namespace holding a service whose chain does not reach it', async () => {
    const f = previewFixture();
    // Billing's chain is not configured: its previews are only looked for on the default cluster.
    const billing = service('billing', 'elsewhere');
    f.services.push(billing);
    f.clusters.addNamespace('east', 'feature-pr-4', {
      workloads: [CHECKOUT.labelSelector, billing.labelSelector],
      createdAt: hoursAgo(2),
    });
    f.pr(CHECKOUT, 4, 'merged');

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([]);
    expect(report.outcomes).toEqual([
      {
        entityRef: CHECKOUT.entityRef,
        cluster: 'east',
        namespace: 'feature-pr-4',
        action: 'skipped',
        reason: `it holds the workloads of several services (${CHECKOUT.entityRef}, ${billing.entityRef}); the reaper leaves shared namespaces alone`,
      },
    ]);
  });
});

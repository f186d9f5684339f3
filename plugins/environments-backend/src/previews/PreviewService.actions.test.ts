import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  CHECKOUT,
  HOUR,
  hoursAgo,
  NOW,
  PAYMENTS,
  previewFixture,
} from './__testUtils__/previewFixture';

const ANN = 'user:default/ann';
const BY_ANN = { actor: ANN, credentials: mockCredentials.user(ANN) };
const OURS = { workloads: [CHECKOUT.labelSelector], createdAt: hoursAgo(2) };

describe('PreviewService.deletePreview', () => {
  it('deletes the preview on every chain cluster that holds it, audited with the actor', async () => {
    const f = previewFixture();
    const local = f.clusters.addNamespace('local', 'feature-pr-4', OURS);
    const east = f.clusters.addNamespace('east', 'feature-pr-4', OURS);
    f.pr(CHECKOUT, 4, 'open');

    await f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN);

    expect(f.clusters.deletes).toEqual([
      { cluster: 'local', name: 'feature-pr-4', uid: local.uid },
      { cluster: 'east', name: 'feature-pr-4', uid: east.uid },
    ]);
    expect(f.audit.map(a => [a.actor, a.action, a.result, a.message])).toEqual([
      [
        ANN,
        'preview.delete',
        'succeeded',
        `deleted namespace 'feature-pr-4' on cluster 'local': requested by ${ANN}`,
      ],
      [
        ANN,
        'preview.delete',
        'succeeded',
        `deleted namespace 'feature-pr-4' on cluster 'east': requested by ${ANN}`,
      ],
    ]);
  });

  it.each([
    ['production'],
    ['feature-pr-'],
    ['feature-pr-1/../qa'],
    ['Feature-PR-1'],
    [`feature-pr-1${'0'.repeat(60)}`],
  ])('refuses %s as not a preview namespace, deleting nothing', async name => {
    const f = previewFixture();
    f.clusters.addNamespace('local', name, OURS);

    await expect(
      f.previews.deletePreview(CHECKOUT, name, BY_ANN),
    ).rejects.toThrow(InputError);
    expect(f.clusters.deletes).toEqual([]);
    expect(f.audit).toEqual([]);
  });

  it('answers NotFound for a preview that does not hold the service workloads or is outside the chain', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-5', {
      workloads: [PAYMENTS.labelSelector],
    });
    f.clusters.addNamespace('other', 'feature-pr-6', OURS);

    await expect(
      f.previews.deletePreview(CHECKOUT, 'feature-pr-5', BY_ANN),
    ).rejects.toThrow(NotFoundError);
    await expect(
      f.previews.deletePreview(CHECKOUT, 'feature-pr-6', BY_ANN),
    ).rejects.toThrow(
      "component:default/checkout has no preview 'feature-pr-6': no namespace of that name holds its workloads on cluster(s) local, east",
    );
    expect(f.clusters.deletes).toEqual([]);
  });

  it('fails closed when a cluster of the chain cannot be read', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', OURS);
    f.clusters.unavailable.set('east', "cluster 'east' is unreachable");

    await expect(
      f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN),
    ).rejects.toThrow(ServiceUnavailableError);
    expect(f.clusters.deletes).toEqual([]);
  });

  it('answers Conflict when the namespace was recreated, and passes the cluster refusal on', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', OURS);
    f.clusters.addNamespace('local', 'feature-pr-5', OURS);
    f.clusters.beforeDelete = target => {
      if (target.name === 'feature-pr-4') {
        f.clusters.recreate(target.cluster, target.name);
      }
    };
    f.clusters.deleteFailures.set(
      'local/feature-pr-5',
      new NotAllowedError('refused the service account'),
    );

    await expect(
      f.previews.deletePreview(CHECKOUT, 'feature-pr-4', BY_ANN),
    ).rejects.toThrow(ConflictError);
    await expect(
      f.previews.deletePreview(CHECKOUT, 'feature-pr-5', BY_ANN),
    ).rejects.toThrow(NotAllowedError);
    expect(f.clusters.has('local', 'feature-pr-4')).toBe(true);
    expect(f.audit.map(a => a.result)).toEqual(['refused', 'failed']);
  });
});

describe('PreviewService.keepPreview', () => {
  it('pins a preview so the reaper keeps it, and unpins it', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', OURS);
    f.pr(CHECKOUT, 4, 'merged');

    const pinned = await f.previews.keepPreview(
      CHECKOUT,
      'feature-pr-4',
      true,
      BY_ANN,
    );
    const reaped = await f.previews.reap();

    expect(pinned).toMatchObject({
      namespace: 'feature-pr-4',
      keep: true,
      pullRequest: { number: 4, state: 'merged' },
      urls: ['https://feature-pr-4.preview.example.com/'],
      live: { cluster: 'local', namespace: 'feature-pr-4' },
      expiresAt: new Date(Date.parse(hoursAgo(1)) + 72 * HOUR).toISOString(),
    });
    expect(reaped.outcomes[0]).toMatchObject({ action: 'kept' });
    expect(f.clusters.deletes).toEqual([]);
    expect(f.audit).toEqual([
      {
        at: NOW.toISOString(),
        actor: ANN,
        action: 'preview.keep',
        result: 'succeeded',
        message: "pinned namespace 'feature-pr-4' on cluster 'local'",
        entityRef: CHECKOUT.entityRef,
        environment: 'feature-pr-4',
      },
    ]);

    const unpinned = await f.previews.keepPreview(
      CHECKOUT,
      'feature-pr-4',
      false,
      BY_ANN,
    );
    await f.previews.reap();

    expect(unpinned.keep).toBe(false);
    expect(f.clusters.has('local', 'feature-pr-4')).toBe(false);
  });

  it('refuses a keep that is not a boolean, and previews of other services', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', OURS);

    await expect(
      f.previews.keepPreview(CHECKOUT, 'feature-pr-4', 'yes' as any, BY_ANN),
    ).rejects.toThrow(InputError);
    await expect(
      f.previews.keepPreview(PAYMENTS, 'feature-pr-4', true, BY_ANN),
    ).rejects.toThrow(NotFoundError);
    expect(f.overrides.overrides.size).toBe(0);
  });
});

describe('PreviewService.extendPreview', () => {
  it('moves the expiry later from the current expiry, each time', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', {
      ...OURS,
      createdAt: hoursAgo(70),
    });
    f.pr(CHECKOUT, 4, 'open', hoursAgo(70));

    const extended = await f.previews.extendPreview(
      CHECKOUT,
      'feature-pr-4',
      24 * HOUR,
      BY_ANN,
    );

    expect(extended.expiresAt).toBe(hoursAgo(-26));
    expect(f.audit[0]).toMatchObject({
      action: 'preview.extend',
      actor: ANN,
      message: `namespace 'feature-pr-4' on cluster 'local' now expires at ${hoursAgo(
        -26,
      )}`,
    });
    const again = await f.previews.extendPreview(
      CHECKOUT,
      'feature-pr-4',
      HOUR,
      BY_ANN,
    );
    expect(again.expiresAt).toBe(hoursAgo(-27));
  });

  it('extends an already expired preview from now, keeping a pin', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-4', {
      ...OURS,
      createdAt: hoursAgo(100),
    });
    f.pr(CHECKOUT, 4, 'open', hoursAgo(100));
    await f.previews.keepPreview(CHECKOUT, 'feature-pr-4', true, BY_ANN);

    const extended = await f.previews.extendPreview(
      CHECKOUT,
      'feature-pr-4',
      HOUR,
      BY_ANN,
    );
    await f.previews.keepPreview(CHECKOUT, 'feature-pr-4', false, BY_ANN);
    const report = await f.previews.reap();

    expect(extended).toMatchObject({ keep: true, expiresAt: hoursAgo(-1) });
    expect(report.outcomes[0]).toMatchObject({
      action: 'skipped',
      reason: `expires at ${hoursAgo(-1)}`,
    });
  });

  it.each([[0], [-HOUR], [Number.NaN], [1.5], [31 * 24 * HOUR]])(
    'refuses to extend by %s',
    async byMs => {
      const f = previewFixture();
      f.clusters.addNamespace('local', 'feature-pr-4', OURS);

      await expect(
        f.previews.extendPreview(CHECKOUT, 'feature-pr-4', byMs, BY_ANN),
      ).rejects.toThrow(InputError);
      expect(f.overrides.overrides.size).toBe(0);
      expect(f.audit).toEqual([]);
    },
  );
});

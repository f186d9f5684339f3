import { NotAllowedError } from '@backstage/errors';
import {
  CHECKOUT,
  hoursAgo,
  NOW,
  PAYMENTS,
  previewFixture,
  TTL_MS,
} from './__testUtils__/previewFixture';

const OURS = { workloads: [CHECKOUT.labelSelector], createdAt: hoursAgo(2) };

function deletedNames(fixture: ReturnType<typeof previewFixture>) {
  return fixture.clusters.deletes.map(d => `${d.cluster}/${d.name}`);
}

describe('PreviewService.reap', () => {
  it('deletes previews whose pull request is merged or closed, with the UID as precondition, and audits each', async () => {
    const f = previewFixture();
    const merged = f.clusters.addNamespace('local', 'feature-pr-1', OURS);
    f.clusters.addNamespace('local', 'feature-pr-2', OURS);
    f.clusters.addNamespace('local', 'feature-pr-3', OURS);
    f.pr(CHECKOUT, 1, 'merged');
    f.pr(CHECKOUT, 2, 'closed');
    f.pr(CHECKOUT, 3, 'open');
    await f.overrides.setPreviewOverride({
      cluster: 'local',
      namespace: 'feature-pr-1',
      keep: false,
      expiresAt: hoursAgo(-5),
      updatedBy: 'user:default/ann',
    });

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([
      { cluster: 'local', name: 'feature-pr-1', uid: merged.uid },
      expect.objectContaining({ cluster: 'local', name: 'feature-pr-2' }),
    ]);
    expect(f.clusters.has('local', 'feature-pr-3')).toBe(true);
    expect(report.outcomes.map(o => [o.namespace, o.action])).toEqual([
      ['feature-pr-1', 'deleted'],
      ['feature-pr-2', 'deleted'],
      ['feature-pr-3', 'skipped'],
    ]);
    expect(f.audit).toEqual([
      {
        at: NOW.toISOString(),
        actor: 'stageline:reaper',
        action: 'preview.delete',
        result: 'succeeded',
        message:
          "deleted namespace 'feature-pr-1' on cluster 'local': pull request #1 is merged",
        entityRef: CHECKOUT.entityRef,
        environment: 'feature-pr-1',
      },
      expect.objectContaining({
        result: 'succeeded',
        message: expect.stringContaining('pull request #2 is closed'),
      }),
    ]);
    expect(f.overrides.overrides.size).toBe(0);
  });

  it('deletes when the TTL expired, counting from the later of the pull request update and the namespace creation', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-1', {
      ...OURS,
      createdAt: hoursAgo(100),
    });
    f.clusters.addNamespace('local', 'feature-pr-2', {
      ...OURS,
      createdAt: hoursAgo(100),
    });
    f.clusters.addNamespace('local', 'feature-pr-3', {
      ...OURS,
      createdAt: hoursAgo(71),
    });
    f.pr(CHECKOUT, 1, 'open', hoursAgo(73));
    f.pr(CHECKOUT, 2, 'open', hoursAgo(71));
    f.pr(CHECKOUT, 3, 'open', hoursAgo(100));

    const report = await f.previews.reap();

    expect(deletedNames(f)).toEqual(['local/feature-pr-1']);
    expect(report.outcomes[0].reason).toBe(
      `deleted namespace 'feature-pr-1' on cluster 'local': its TTL expired at ${new Date(
        Date.parse(hoursAgo(73)) + TTL_MS,
      ).toISOString()}`,
    );
    expect(report.outcomes[1]).toMatchObject({
      action: 'skipped',
      reason: `expires at ${hoursAgo(-1)}`,
    });
  });

  it('lets an extend override move the expiry, and a keep pin override everything', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-1', OURS);
    f.clusters.addNamespace('local', 'feature-pr-2', {
      ...OURS,
      createdAt: hoursAgo(200),
    });
    f.pr(CHECKOUT, 1, 'merged');
    f.pr(CHECKOUT, 2, 'open', hoursAgo(200));
    await f.overrides.setPreviewOverride({
      cluster: 'local',
      namespace: 'feature-pr-1',
      keep: true,
      updatedBy: 'user:default/ann',
    });
    await f.overrides.setPreviewOverride({
      cluster: 'local',
      namespace: 'feature-pr-2',
      keep: false,
      expiresAt: hoursAgo(-2),
      updatedBy: 'user:default/ann',
    });

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([]);
    expect(report.outcomes).toEqual([
      expect.objectContaining({
        namespace: 'feature-pr-1',
        action: 'kept',
        reason: 'pinned by user:default/ann',
      }),
      expect.objectContaining({
        namespace: 'feature-pr-2',
        action: 'skipped',
        reason: `expires at ${hoursAgo(-2)}`,
      }),
    ]);
    expect(f.audit).toEqual([]);
  });

  it('does not delete because a pull request cannot be read, but still applies the TTL', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-1', OURS);
    f.clusters.addNamespace('local', 'feature-pr-2', {
      ...OURS,
      createdAt: hoursAgo(80),
    });
    const down = new Error('GitHub is unreachable');
    f.pullRequests.set('checkout#1', down);
    f.pullRequests.set('checkout#2', down);

    const report = await f.previews.reap();

    expect(deletedNames(f)).toEqual(['local/feature-pr-2']);
    expect(report.outcomes[0]).toMatchObject({
      action: 'skipped',
      reason: expect.stringContaining(
        'pull request #1 could not be read: GitHub is unreachable',
      ),
    });
    expect(report.outcomes[1].reason).toContain('its TTL expired');
  });

  it('never touches namespaces outside the pattern, without the service workloads, or on clusters outside the chain', async () => {
    const f = previewFixture();
    for (const name of [
      'production',
      'feature-pr-x',
      'feature-pr-1-old',
      'pr-1',
    ]) {
      f.clusters.addNamespace('local', name, {
        ...OURS,
        createdAt: hoursAgo(500),
      });
    }
    f.clusters.addNamespace('local', 'feature-pr-1', {
      createdAt: hoursAgo(500),
    });
    f.clusters.addNamespace('local', 'feature-pr-2', {
      workloads: ['backstage.io/kubernetes-id=billing'],
      createdAt: hoursAgo(500),
    });
    f.clusters.addNamespace('other', 'feature-pr-3', {
      ...OURS,
      createdAt: hoursAgo(500),
    });
    f.pr(CHECKOUT, 1, 'merged');
    f.pr(CHECKOUT, 2, 'merged');
    f.pr(CHECKOUT, 3, 'merged');

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([]);
    expect(report.outcomes).toEqual([]);
    expect(report.errors).toContainEqual({
      entityRef: CHECKOUT.entityRef,
      cluster: 'ghost',
      message:
        "cluster 'ghost' of chain 'default' is not configured; its namespaces are not touched",
    });
  });

  it('reaps previews on every cluster of the chain, not only the default', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('east', 'feature-pr-7', OURS);
    f.clusters.addNamespace('local', 'feature-pr-8', {
      workloads: [PAYMENTS.labelSelector],
      createdAt: hoursAgo(1),
    });
    f.pr(CHECKOUT, 7, 'merged');
    f.pr(PAYMENTS, 8, 'closed');

    const report = await f.previews.reap();

    expect(deletedNames(f)).toEqual([
      'east/feature-pr-7',
      'local/feature-pr-8',
    ]);
    expect(report.outcomes.map(o => o.entityRef)).toEqual([
      CHECKOUT.entityRef,
      PAYMENTS.entityRef,
    ]);
  });

  it('leaves a namespace recreated since it was listed alone, and audits the refusal', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-1', OURS);
    f.pr(CHECKOUT, 1, 'merged');
    f.clusters.beforeDelete = target =>
      f.clusters.recreate(target.cluster, target.name);

    const report = await f.previews.reap();

    expect(f.clusters.has('local', 'feature-pr-1')).toBe(true);
    expect(report.outcomes[0]).toMatchObject({ action: 'refused' });
    expect(f.audit).toEqual([
      expect.objectContaining({
        result: 'refused',
        message:
          "left namespace 'feature-pr-1' on cluster 'local' alone: it was recreated (its UID changed) since it was inspected",
      }),
    ]);
  });

  it('in dry-run mode deletes nothing, and logs and audits what it would delete', async () => {
    const f = previewFixture({ dryRun: true });
    f.clusters.addNamespace('local', 'feature-pr-1', OURS);
    f.pr(CHECKOUT, 1, 'merged');

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([]);
    expect(report).toMatchObject({
      dryRun: true,
      outcomes: [{ namespace: 'feature-pr-1', action: 'would-delete' }],
    });
    const message =
      "dry run: would delete namespace 'feature-pr-1' on cluster 'local': pull request #1 is merged";
    expect(f.audit).toEqual([
      expect.objectContaining({
        action: 'preview.delete',
        actor: 'stageline:reaper',
        result: 'refused',
        message,
      }),
    ]);
    expect(f.logger.info).toHaveBeenCalledWith(
      'Preview reaper dry run: would delete a preview',
      {
        entityRef: CHECKOUT.entityRef,
        namespace: 'feature-pr-1',
        cluster: 'local',
        reason: 'pull request #1 is merged',
      },
    );
  });

  it('skips Terminating namespaces, namespaces without UID, and namespaces shared by several services', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-1', {
      ...OURS,
      terminating: true,
    });
    f.clusters.addNamespace('local', 'feature-pr-2', { ...OURS, uid: null });
    f.clusters.addNamespace('local', 'feature-pr-3', {
      ...OURS,
      workloads: [CHECKOUT.labelSelector, PAYMENTS.labelSelector],
    });
    for (const n of [1, 2, 3]) f.pr(CHECKOUT, n, 'merged');
    f.pr(PAYMENTS, 3, 'merged');

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([]);
    expect(report.outcomes.map(o => [o.namespace, o.action, o.reason])).toEqual(
      [
        ['feature-pr-1', 'skipped', 'already being deleted (Terminating)'],
        ['feature-pr-2', 'skipped', 'no UID to use as a delete precondition'],
        ...[CHECKOUT, PAYMENTS].map(() => [
          'feature-pr-3',
          'skipped',
          `it holds the workloads of several services (${CHECKOUT.entityRef}, ${PAYMENTS.entityRef}); the reaper leaves shared namespaces alone`,
        ]),
      ],
    );
  });

  it('deletes nothing on an unreadable cluster or without the overrides, and reports why', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('east', 'feature-pr-1', OURS);
    f.clusters.addNamespace('local', 'feature-pr-2', OURS);
    f.pr(CHECKOUT, 1, 'merged');
    f.pr(CHECKOUT, 2, 'merged');
    f.clusters.unavailable.set('east', "cluster 'east' is unreachable");
    f.overrides.failing = new Error('database is down');

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toEqual([]);
    expect(report.errors).toContainEqual({
      entityRef: CHECKOUT.entityRef,
      cluster: 'east',
      message: "cluster 'east' is unreachable",
    });
    expect(report.outcomes).toEqual([
      expect.objectContaining({
        namespace: 'feature-pr-2',
        action: 'skipped',
        reason:
          'its keep and extend overrides could not be read: database is down',
      }),
    ]);
  });

  it('audits a failed delete and goes on with the next preview', async () => {
    const f = previewFixture();
    f.clusters.addNamespace('local', 'feature-pr-1', OURS);
    f.clusters.addNamespace('local', 'feature-pr-2', OURS);
    f.pr(CHECKOUT, 1, 'merged');
    f.pr(CHECKOUT, 2, 'merged');
    f.clusters.deleteFailures.set(
      'local/feature-pr-1',
      new NotAllowedError("cluster 'local' refused the service account"),
    );

    const report = await f.previews.reap();

    expect(report.outcomes.map(o => o.action)).toEqual(['failed', 'deleted']);
    expect(f.audit[0]).toMatchObject({
      result: 'failed',
      message:
        "could not delete namespace 'feature-pr-1' on cluster 'local': cluster 'local' refused the service account",
    });
    expect(f.clusters.has('local', 'feature-pr-2')).toBe(false);
  });

  it('deletes at most maxDeletionsPerRun previews per run', async () => {
    const f = previewFixture({ maxDeletionsPerRun: 2 });
    for (const n of [1, 2, 3]) {
      f.clusters.addNamespace('local', `feature-pr-${n}`, OURS);
      f.pr(CHECKOUT, n, 'merged');
    }

    const report = await f.previews.reap();

    expect(f.clusters.deletes).toHaveLength(2);
    expect(report.outcomes[2]).toMatchObject({
      action: 'skipped',
      reason:
        'due (pull request #3 is merged) but this run reached its deletion limit',
    });
  });
});

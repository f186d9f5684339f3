import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import { InMemoryGitRepository } from '../gitops/__testUtils__/InMemoryGitRepository';
import { InMemoryPreviewOverrideStore } from './__testUtils__/InMemoryPreviewOverrideStore';
import { FakeClusters } from './__testUtils__/FakeClusters';
import {
  CHECKOUT,
  HOUR,
  hoursAgo,
  PAYMENTS,
} from './__testUtils__/previewFixture';
import { readPreviews } from './readPreviews';

const env = (name: string, cluster?: string): EnvironmentDefinition => ({
  name,
  namespace: name,
  cluster,
  overlay: name,
  protected: false,
});
const CHAIN = [env('qa'), env('staging', 'east'), env('production', 'ghost')];
const OURS = { workloads: [CHECKOUT.labelSelector], createdAt: hoursAgo(2) };

function setup() {
  const clusters = new FakeClusters(['local', 'east', 'other'], 'local');
  const overrides = new InMemoryPreviewOverrideStore();
  const sourceRepo = new InMemoryGitRepository('acme/checkout');
  const read = (
    extra: { chain?: EnvironmentDefinition[] } = { chain: CHAIN },
  ) =>
    readPreviews({
      ctx: CHECKOUT,
      clusters,
      sourceRepo,
      sourceRepoError: undefined,
      namespacePattern: 'feature-pr-{number}',
      ttlMs: 72 * HOUR,
      overrides,
      ...extra,
    });
  return { clusters, overrides, sourceRepo, read };
}

describe('readPreviews', () => {
  it('finds the service previews on every cluster of the chain, and reports unknown ones', async () => {
    const { clusters, read } = setup();
    clusters.addNamespace('local', 'feature-pr-1', OURS);
    clusters.addNamespace('east', 'feature-pr-2', OURS);
    clusters.addNamespace('other', 'feature-pr-3', OURS);
    clusters.addNamespace('local', 'feature-pr-4', {
      workloads: [PAYMENTS.labelSelector],
    });
    clusters.addNamespace('local', 'qa', OURS);

    const response = await read();

    expect(response.previews.map(p => [p.namespace, p.live?.cluster])).toEqual([
      ['feature-pr-2', 'east'],
      ['feature-pr-1', 'local'],
    ]);
    expect(response.errors).toEqual([
      { source: 'cluster', message: "cluster 'ghost' is not configured" },
    ]);
  });

  it('reads only the default cluster when no chain is given, as before', async () => {
    const { clusters, read } = setup();
    clusters.addNamespace('local', 'feature-pr-1', OURS);
    clusters.addNamespace('east', 'feature-pr-2', OURS);

    const response = await read({});

    expect(response.previews.map(p => p.namespace)).toEqual(['feature-pr-1']);
    expect(response.errors).toEqual([]);
  });

  it('shows keep pins and extended expiries from the overrides', async () => {
    const { clusters, overrides, sourceRepo, read } = setup();
    clusters.addNamespace('local', 'feature-pr-1', OURS);
    clusters.addNamespace('east', 'feature-pr-1', OURS);
    sourceRepo.pullRequests.set(1, {
      number: 1,
      state: 'open',
      updatedAt: hoursAgo(1),
    });
    await overrides.setPreviewOverride({
      cluster: 'east',
      namespace: 'feature-pr-1',
      keep: true,
      expiresAt: '2099-01-01T00:00:00.000Z',
      updatedBy: 'user:default/ann',
    });

    const response = await read();

    const byCluster = Object.fromEntries(
      response.previews.map(p => [p.live?.cluster, p]),
    );
    expect(byCluster.east).toMatchObject({
      keep: true,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(byCluster.local).toMatchObject({
      keep: false,
      pullRequest: { number: 1, state: 'open' },
      expiresAt: new Date(Date.parse(hoursAgo(1)) + 72 * HOUR).toISOString(),
    });
  });

  it('keeps serving previews when a cluster or the overrides cannot be read', async () => {
    const { clusters, overrides, read } = setup();
    clusters.addNamespace('local', 'feature-pr-1', OURS);
    clusters.unavailable.set('east', "cluster 'east' is unreachable");
    overrides.failing = new Error('database is down');

    const response = await read();

    expect(response.previews.map(p => [p.namespace, p.keep])).toEqual([
      ['feature-pr-1', false],
    ]);
    expect(response.errors).toEqual(
      expect.arrayContaining([
        { source: 'cluster', message: "cluster 'east' is unreachable" },
        {
          source: 'cluster',
          message:
            "keep pins and extensions of previews on 'local' could not be read: database is down",
        },
      ]),
    );
  });
});

import type { Entity } from '@backstage/catalog-model';
import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import type { GitComparison, GitRepository } from '../gitops/types';
import type { ChainState } from '../readmodel/ChainState';
import { toFleetService } from './toFleetService';

const IMAGE = 'ghcr.io/acme/checkout';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { owner: 'team-a', system: 'shop', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};

function env(
  name: string,
  tag: string,
  overrides: Partial<EnvironmentState> = {},
): EnvironmentState {
  return {
    name,
    namespace: name,
    overlay: name,
    protected: false,
    desired: {
      path: `k8s/overlays/${name}/kustomization.yaml`,
      image: { name: IMAGE, tag },
      changedAt: '2026-11-20T09:00:00.000Z',
    },
    inFlight: [],
    sync: { status: 'in-sync', reason: 'runs what Git declares' },
    errors: [],
    ...overrides,
  };
}

function state(
  environments: EnvironmentState[],
  comparisons: Record<string, GitComparison> = {},
): ChainState {
  const source = {
    cachedComparison: (from: string, to: string) =>
      comparisons[`${from}..${to}`],
  } as Partial<GitRepository> as GitRepository;
  return {
    ctx: {} as ChainState['ctx'],
    sourceRepository: source,
    response: {
      entityRef: 'component:default/checkout',
      chain: 'default',
      environments,
      generatedAt: '2026-11-20T12:00:00.000Z',
    },
  };
}

describe('toFleetService', () => {
  it('joins state, flags, the promotion in flight and the lag with cached commits', () => {
    const awaiting = {
      id: 'p-1',
      kind: 'promotion',
      target: 'production',
      state: 'awaiting-approval',
      version: { name: IMAGE, tag: B },
      requestedBy: 'user:default/ana',
      createdAt: '2026-11-20T11:00:00.000Z',
    } as Promotion;
    const row = toFleetService(
      entity,
      state(
        [
          env('qa', B),
          env('staging', B),
          env('production', A, {
            sync: { status: 'degraded', reason: 'CrashLoopBackOff' },
          }),
        ],
        {
          [`${A}..${B}`]: {
            commits: [
              { sha: B, message: 'two' },
              { sha: 'c'.repeat(40), message: 'one' },
            ],
            truncated: false,
          },
        },
      ),
      [awaiting],
    );
    expect(row).toMatchObject({
      entityRef: 'component:default/checkout',
      title: 'Checkout',
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      lifecycle: 'production',
    });
    const [qa, staging, production] = row.environments;
    expect(qa.lag).toBeUndefined();
    expect(staging.lag).toEqual({ upToDate: true, commits: 0 });
    expect(production).toMatchObject({
      sync: 'degraded',
      flags: ['failing', 'waiting-for-approval'],
      since: '2026-11-20T09:00:00.000Z',
      inFlight: { id: 'p-1', state: 'awaiting-approval' },
      lag: {
        upToDate: false,
        commits: 2,
        behindSince: '2026-11-20T09:00:00.000Z',
      },
    });
  });

  it('leaves commits out when no comparison is in memory, or it was truncated', () => {
    const truncated = toFleetService(
      entity,
      state([env('qa', B), env('production', A)], {
        [`${A}..${B}`]: { commits: [], truncated: true },
      }),
      [],
    );
    expect(truncated.environments[1].lag).toEqual({
      upToDate: false,
      behindSince: '2026-11-20T09:00:00.000Z',
    });
    const tagged = toFleetService(
      entity,
      state([env('qa', 'v2'), env('production', 'v1')]),
      [],
    );
    expect(tagged.environments[1].lag?.commits).toBeUndefined();
  });
});

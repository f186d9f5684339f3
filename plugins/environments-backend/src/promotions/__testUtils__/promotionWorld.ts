import {
  mockCredentials,
  mockServices,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { LiveState } from '@stageline/plugin-environments-common';
import { Authorization } from '../../authorization/Authorization';
import { ServiceAccess } from '../../authorization/ServiceAccess';
import { readEnvironmentsConfig } from '../../config/readEnvironmentsConfig';
import { EnvironmentsService } from '../../readmodel/EnvironmentsService';
import { EnvironmentView } from '../EnvironmentView';
import { FakeClusterStateReader } from '../../kubernetes/__testUtils__/FakeClusterStateReader';
import { InMemoryGitRepository } from '../../gitops/__testUtils__/InMemoryGitRepository';
import { inMemoryResolver } from '../../gitops/__testUtils__/inMemoryResolver';
import { liveState } from '../../kubernetes/__testUtils__/liveState';
import {
  ownerFile,
  testOwnershipGuard,
} from '../../ownership/__testUtils__/testOwnershipGuard';
import { aDigest } from '../store/__testUtils__/aDigest';
import { openTestStore } from '../store/__testUtils__/openTestStore';
import { ChainReadiness } from '../ChainReadiness';
import { PromotionEngine } from '../engine/PromotionEngine';
import { PromotionNotifier } from '../PromotionNotifier';
import { PromotionService } from '../PromotionService';
import type { PromotionDeps } from '../PromotionDeps';
import { kustomization } from './kustomization';
import { RepositoryOverlayWriter } from './RepositoryOverlayWriter';
import { PromotionVerifier } from '../../verification/PromotionVerifier';
import { VerificationStore } from '../../verification/VerificationStore';

export const IMAGE = 'registry.example.com/shop/checkout';
export const CHECKOUT = 'component:default/checkout';
export const ALICE = mockCredentials.user('user:default/alice');
export const BOB = mockCredentials.user('user:default/bob');
export const CAROL = mockCredentials.user('user:default/carol');
export const REF = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout',
};

/** The checkout service as the catalog holds it. */
export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'stageline.io/gitops-repo': 'acme/gitops',
      'stageline.io/image': IMAGE,
      'github.com/project-slug': 'acme/checkout',
    },
  },
  spec: { type: 'service', owner: 'team-checkout' },
};

/** The version tagged `tag`, with its digest. */
export function version(tag: string) {
  return { name: IMAGE, tag, digest: aDigest(tag) };
}

/**
 * A service checkout on the chain qa -> staging (1h soak) -> production (protected, 2
 * approvals), a GitOps repository in memory, a fake cluster, and the promotion service over a
 * real database. qa runs v3, staging v2, production v1, all healthy for two hours.
 */
export async function promotionWorld(
  databases: TestDatabases,
  id: TestDatabaseId,
  options: {
    environments?: object;
    denied?: string[];
    /** More catalog entities besides checkout. */
    extraEntities?: Entity[];
  } = {},
) {
  let now = new Date('2026-11-20T12:00:00Z');
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
  const config = readEnvironmentsConfig(
    new ConfigReader({
      environments: options.environments ?? {
        chains: {
          default: [
            { name: 'qa' },
            { name: 'staging', gates: { soakTime: '1h' } },
            {
              name: 'production',
              protected: true,
              gates: { approvals: 2, healthyFor: '10m' },
              approvers: ['group:default/release-managers'],
            },
          ],
        },
        gitops: { mode: 'commit' },
      },
    }),
  );
  const repo = new InMemoryGitRepository('acme/gitops');
  const clusters = new FakeClusterStateReader();
  const runs = (env: string, tag: string, overrides: Partial<LiveState> = {}) =>
    clusters.live.set(
      env,
      liveState({
        namespace: env,
        image: { name: IMAGE, tag },
        digests: [aDigest(tag)],
        since: new Date(now.getTime() - 2 * 3600_000).toISOString(),
        healthySince: new Date(now.getTime() - 2 * 3600_000).toISOString(),
        ...overrides,
      }),
    );
  const declares = (env: string, tag: string) =>
    repo.files.set(
      `k8s/overlays/${env}/kustomization.yaml`,
      kustomization(version(tag)),
    );
  repo.files.set(...ownerFile(CHECKOUT, { sourceRepository: 'acme/checkout' }));
  for (const [env, tag] of [
    ['qa', 'v3'],
    ['staging', 'v2'],
    ['production', 'v1'],
  ]) {
    declares(env, tag);
    runs(env, tag);
  }
  const catalog = catalogServiceMock({
    entities: [entity, ...(options.extraEntities ?? [])],
  });
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  // The source repository is the same object: tests read comparisons from it.
  const repositories = inMemoryResolver({
    'acme/gitops': repo,
    'acme/checkout': repo,
  });
  const resolve = repositories.resolve;
  const logger = mockServices.logger.mock();
  const environments = EnvironmentsService.create({
    catalog,
    config,
    clusters,
    repositories,
    logger,
    guard: testOwnershipGuard({ catalog, repositories }),
  });
  const { store, knex, openSecondInstance, close } = await openTestStore(
    databases,
    id,
    { now: clock.now },
  );
  const writer = new RepositoryOverlayWriter(repo);
  const denied = new Set(options.denied ?? []);
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(
      async (requests: Array<{ permission: { name: string } }>) =>
        requests.map(r => ({
          result: denied.has(r.permission.name)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        })),
    ) as any,
  });
  const notifications = { send: jest.fn(async () => {}) };
  const auditorEvents: Array<{ eventId: string; outcome?: string }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async ({ eventId }) => {
      const event: { eventId: string; outcome?: string } = { eventId };
      auditorEvents.push(event);
      const finish = (outcome: string) => async () => {
        if (event.outcome) throw new Error(`${eventId} finished twice`);
        event.outcome = outcome;
      };
      return { success: finish('success'), fail: finish('fail') };
    }),
  });
  const deps: PromotionDeps = {
    environments,
    config,
    store,
    writers: { resolve: () => writer },
    authorization: new Authorization({
      permissions,
      // No service may write: the default of `environments.serviceAccess`.
      serviceAccess: new ServiceAccess(new Map(), auditor),
    }),
    auditor,
    notifier: new PromotionNotifier({
      notifications,
      logger,
      linkFor: () => 'http://localhost:3000/catalog/default/component/checkout',
    }),
    verifier: new PromotionVerifier({
      store: new VerificationStore(knex, clock.now),
      now: clock.now,
    }),
    logger,
    serviceCredentials: async () => mockCredentials.service(),
    instanceId: 'instance-a',
    now: clock.now,
  };
  const engine = new PromotionEngine(deps);
  const service = new PromotionService(deps, engine);
  const view = new EnvironmentView({
    readModel: environments,
    readiness: new ChainReadiness(deps),
  });
  return {
    catalog,
    getEntityByRef,
    resolve,
    clock,
    config,
    repo,
    clusters,
    runs,
    declares,
    store,
    knex,
    openSecondInstance,
    close,
    writer,
    permissions,
    notifications,
    auditor,
    auditorEvents,
    deps,
    engine,
    service,
    view,
    denied,
  };
}

/** A world that {@link promotionWorld} built. */
export type PromotionWorld = Awaited<ReturnType<typeof promotionWorld>>;

/** Alice's request to promote checkout into `target`, as the service answers it. */
export function aliceRequests(w: PromotionWorld, target: string) {
  return w.service.request(REF, { target }, { credentials: ALICE });
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockErrorHandler,
  mockServices,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { ownerFile } from '../ownership/__testUtils__/testOwnershipGuard';
import { DeliveryMetricsService } from '../metrics/DeliveryMetricsService';
import { ProductionHistory } from '../metrics/ProductionHistory';
import { kustomization } from '../promotions/__testUtils__/kustomization';
import {
  ALICE,
  IMAGE,
  promotionWorld,
  version,
} from '../promotions/__testUtils__/promotionWorld';
import { createFleetRouter } from '../routes/createFleetRouter';
import { AwaitingAcknowledgements } from '../fleet/AwaitingAcknowledgements';
import { AwaitingApprovals } from '../fleet/AwaitingApprovals';
import { FleetService } from '../fleet/FleetService';

/** A service of the shop system beside checkout, with its own overlays folder. */
export function shopService(
  name: string,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': name,
        'stageline.io/gitops-repo': 'acme/gitops',
        'stageline.io/overlays-path': `${name}/overlays`,
        'stageline.io/image': IMAGE,
      },
    },
    spec: { type: 'service', owner: 'team-shop', system: 'shop', ...spec },
  };
}

/**
 * The promotion world (checkout: qa v3, staging v2, production v1, all running) plus `extra`
 * services whose overlays declare `declared` (environment to tag), and the fleet routes over
 * it. The cluster fake answers per namespace, so every service sees checkout's live state.
 * `deny` lists entity refs the permission policy refuses everything on.
 */
export async function fleetWorld(
  databases: TestDatabases,
  extra: Array<{ entity: Entity; declared: Record<string, string> }>,
) {
  const w = await promotionWorld(databases, 'SQLITE_3', {
    extraEntities: extra.map(e => e.entity),
  });
  for (const { entity, declared } of extra) {
    const ref = `component:default/${entity.metadata.name}`;
    const overlaysPath = `${entity.metadata.name}/overlays`;
    w.repo.files.set(...ownerFile(ref, { overlaysPath }));
    for (const [env, tag] of Object.entries(declared)) {
      w.repo.files.set(
        `${overlaysPath}/${env}/kustomization.yaml`,
        kustomization(version(tag)),
      );
    }
  }
  const deny = new Set<string>();
  const authorize = w.permissions.authorize as unknown as jest.Mock;
  authorize.mockImplementation(
    async (requests: Array<{ resourceRef?: string }>) =>
      requests.map(r => ({
        result:
          r.resourceRef && deny.has(r.resourceRef)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  );
  const userInfo = mockServices.userInfo({
    ownershipEntityRefs: ['user:default/alice', 'group:default/team-shop'],
  });
  const deps = {
    catalog: w.catalog,
    authorization: w.deps.authorization,
    readModel: w.deps.environments,
    store: w.store,
    userInfo,
  };
  const fleet = new FleetService({
    ...deps,
    chainCacheTtlMs: w.config.gitops.cacheTtlMs,
    now: w.clock.now,
  });
  const readEntityChain = jest.spyOn(w.deps.environments, 'readEntityChain');
  const getEntities = jest.spyOn(w.catalog, 'getEntities');
  let credentials: BackstageCredentials = ALICE;
  const router = await createFleetRouter({
    httpAuth: mockServices.httpAuth.mock({
      credentials: jest.fn(async () => credentials) as any,
    }),
    fleet,
    approvals: new AwaitingApprovals({ ...deps, config: w.config }),
    acknowledgements: new AwaitingAcknowledgements(deps),
    metrics: new DeliveryMetricsService({
      ...deps,
      fleet,
      config: w.config,
      history: new ProductionHistory(w.knex),
    }),
    now: w.clock.now,
  });
  const app = express().use(router).use(mockErrorHandler());
  return {
    ...w,
    app,
    deny,
    readEntityChain,
    getEntities,
    as: (c: BackstageCredentials) => {
      credentials = c;
    },
  };
}

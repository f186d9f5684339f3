import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { environmentsPlugin } from './plugin';
import { closingDatabaseFactory } from './__testUtils__/closingDatabaseFactory';

const service = (name: string, system?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': name },
  },
  spec: { type: 'service', owner: 'team-a', ...(system && { system }) },
});

describe('environmentsPlugin across services', () => {
  it('serves the fleet, the approvals awaiting me, the break-glass awaiting acknowledgement and the metrics routes', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({
          entities: [service('checkout', 'shop'), service('search')],
        }),
        mockServices.rootConfig.factory({
          data: {
            environments: {
              chains: {
                default: [{ name: 'qa' }, { name: 'prod', protected: true }],
              },
            },
          },
        }),
      ],
    });
    const get = (path: string) =>
      request(server)
        .get(`/api/environments${path}`)
        .set('Authorization', mockCredentials.user.header());

    const fleet = await get('/fleet?system=shop');
    expect(fleet.status).toBe(200);
    expect(fleet.body).toMatchObject({
      total: 1,
      environments: ['qa', 'prod'],
      services: [{ entityRef: 'component:default/checkout', chain: 'default' }],
    });

    const approvals = await get('/approvals/mine');
    expect(approvals.status).toBe(200);
    expect(approvals.body).toEqual({ promotions: [] });

    const breakGlass = await get('/fleet/breakglass');
    expect(breakGlass.status).toBe(200);
    expect(breakGlass.body).toEqual({ promotions: [] });

    const metrics = await get('/metrics?system=shop');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatchObject({
      entityRefs: ['component:default/checkout'],
      deploymentFrequency: { deployments: 0, perWeek: 0 },
    });

    const unauthenticated = await request(server)
      .get('/api/environments/fleet')
      .set('Authorization', mockCredentials.none.header());
    expect(unauthenticated.status).toBe(401);
  });

  it('leaves out every service when the policy denies environments.read', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({ entities: [service('checkout', 'shop')] }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const get = (path: string) =>
      request(server)
        .get(`/api/environments${path}`)
        .set('Authorization', mockCredentials.user.header());
    const fleet = await get('/fleet');
    expect(fleet.status).toBe(200);
    expect(fleet.body).toMatchObject({ total: 0, services: [] });
    const metrics = await get('/metrics?system=shop');
    expect(metrics.body.entityRefs).toEqual([]);
    expect((await get('/metrics?entityRef=checkout')).status).toBe(403);
  });
});

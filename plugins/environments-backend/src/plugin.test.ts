import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { environmentsPlugin } from './plugin';
import { closingDatabaseFactory } from './__testUtils__/closingDatabaseFactory';

const annotated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

const plain: Entity = {
  ...annotated,
  metadata: { name: 'plain', namespace: 'default' },
};

const path = (name: string) =>
  `/api/environments/entities/component/default/${name}/environments`;

describe('environmentsPlugin', () => {
  it('answers an authenticated request with the entity chain', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({ entities: [annotated, plain] }),
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

    const res = await request(server)
      .get(path('checkout'))
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      chain: 'default',
      generatedAt: expect.any(String),
    });
    expect(
      res.body.environments.map((e: { name: string; protected: boolean }) => [
        e.name,
        e.protected,
      ]),
    ).toEqual([
      ['qa', false],
      ['prod', true],
    ]);
    // No cluster and no GitOps repository here: partial results with reasons, not a failure.
    expect(res.body.environments[0].errors).toEqual([
      { source: 'git', message: expect.stringMatching(/No GitOps repository/) },
      { source: 'cluster', message: expect.stringMatching(/No cluster/) },
    ]);
  });

  it('rejects unauthenticated requests', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({ entities: [annotated] }),
      ],
    });
    const res = await request(server)
      .get(path('checkout'))
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('returns 403 without reading the catalog when the policy denies', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => annotated),
    });
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalog.factory,
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const res = await request(server).get(path('checkout'));
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });

  it('returns 404 for an unknown entity and for one without the annotation', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({ entities: [plain] }),
      ],
    });
    const unknown = await request(server).get(path('nope'));
    expect(unknown.status).toBe(404);
    const unannotated = await request(server).get(path('plain'));
    expect(unannotated.status).toBe(404);
    expect(unannotated.body.error.message).toMatch(/kubernetes-id/);
  });

  it('returns 400 for a malformed entity reference', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    const res = await request(server).get(
      '/api/environments/entities/component/default/%24%7Bbad%7D/environments',
    );
    expect(res.status).toBe(400);
  });

  it('serves /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        closingDatabaseFactory,
        environmentsPlugin,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    const res = await request(server)
      .get('/api/environments/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
  });
});

import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { readEnvironmentsConfig } from './config/readEnvironmentsConfig';
import { createRouter } from './router';
import { EnvironmentsService } from './services/EnvironmentsService';
import { FakeClusterStateReader } from './__testUtils__/FakeClusterStateReader';
import { InMemoryGitRepository } from './__testUtils__/InMemoryGitRepository';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
    },
  },
  spec: { type: 'service' },
};

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
// Every entity route; a new route must be added here so the permission test covers it.
const entityRoutes = [
  '/entities/component/default/checkout/environments',
  '/entities/component/default/checkout/previews',
  `/entities/component/default/checkout/diff?from=${SHA_A}&to=${SHA_B}`,
];

async function setup(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const clusters = new FakeClusterStateReader();
  const repo = new InMemoryGitRepository('acme/checkout');
  const resolve = jest.fn(() => repo);
  const catalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(async ref =>
      ref === 'component:default/checkout' ? entity : undefined,
    ),
  });
  const environments = EnvironmentsService.create({
    catalog,
    config: readEnvironmentsConfig(new ConfigReader({})),
    clusters,
    repositories: { resolve },
    logger: mockServices.logger.mock(),
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async reqs => reqs.map(() => ({ result }))),
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions,
    environments,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, clusters, resolve, catalog, permissions };
}

describe('createRouter', () => {
  it.each(entityRoutes)('answers %s when allowed', async route => {
    const { app, permissions } = await setup(AuthorizeResult.ALLOW);
    const res = await request(app).get(route);
    expect(res.status).toBe(200);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'environments.read' }),
          resourceRef: 'component:default/checkout',
        },
      ],
      expect.anything(),
    );
  });

  it.each(entityRoutes)(
    'denies %s with 403 before any catalog, cluster or Git call',
    async route => {
      const { app, clusters, resolve, catalog } = await setup(
        AuthorizeResult.DENY,
      );
      const res = await request(app).get(route);
      expect(res.status).toBe(403);
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
      expect(clusters.queries).toEqual([]);
      expect(resolve).not.toHaveBeenCalled();
    },
  );

  it.each(entityRoutes)('rejects unauthenticated calls to %s', async route => {
    const { app } = await setup(AuthorizeResult.ALLOW);
    const res = await request(app)
      .get(route)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it.each(entityRoutes.map(r => r.replace('checkout', 'nope')))(
    'answers 404 for an unknown entity on %s',
    async route => {
      const { app } = await setup(AuthorizeResult.ALLOW);
      expect((await request(app).get(route)).status).toBe(404);
    },
  );

  it.each([
    ['/entities/component/default/ch%2Fec/environments', /catalog name/],
    ['/entities/component/default/checkout/diff', /from/],
    [`/entities/component/default/checkout/diff?from=${SHA_A}`, /to/],
    [
      `/entities/component/default/checkout/diff?from=${SHA_A}&to=${SHA_B}&x=1`,
      /x/,
    ],
    [
      `/entities/component/default/checkout/diff?from=${SHA_A}&to=latest`,
      /commit SHA/,
    ],
  ])('answers 400 for bad input %s', async (route, message) => {
    const { app } = await setup(AuthorizeResult.ALLOW);
    const res = await request(app).get(route);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});

import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import request from 'supertest';
import { promotionRoutes } from './__testUtils__/promotionRoutes';
import { PreviewService } from './previews/PreviewService';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { ALICE, BOB } from './promotions/__testUtils__/promotionWorld';
import { CallerBudget } from './authorization/CallerBudget';
import { TooManyRequestsError } from './authorization/TooManyRequestsError';
import { createGetVersionDiffAction } from './actions/createGetVersionDiffAction';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const entity = '/entities/component/default/checkout';
const diff = `${entity}/diff?from=${'a'.repeat(40)}&to=${'b'.repeat(40)}`;
const previews = `${entity}/previews`;
const budgets: CallerBudget[] = [];
afterEach(() => budgets.splice(0).forEach(b => b.shutdown()));

// The routes that spend the shared GitHub budget, with a budget of 2 calls a minute per caller.
async function setup() {
  const githubReads = new CallerBudget({ limit: 2, windowMs: 60_000 });
  budgets.push(githubReads);
  const w = await promotionRoutes(
    databases,
    {},
    {
      githubReads,
      previews: world =>
        new PreviewService({
          clusters: world.clusters,
          deleter: { deleteNamespace: jest.fn() },
          overrides: world.store,
          audit: world.store,
          owners: world.deps.environments,
          getPullRequest: jest.fn(),
          listServices: jest.fn(async () => []),
          config: { ...world.config.previews, chains: world.config.chains },
          logger: mockServices.logger.mock(),
        }),
    },
  );
  const compare = jest.spyOn(w.repo, 'compare');
  const actionsRegistry = actionsRegistryServiceMock();
  createGetVersionDiffAction({
    actionsRegistry,
    authorization: w.deps.authorization,
    environments: w.deps.environments,
    githubReads,
  });
  return { app: w.app, compare, actionsRegistry, as: w.as };
}

describe('createRouter rate limits on GitHub reads', () => {
  it('answers 429 with Retry-After past the per-user diff budget, without calling GitHub', async () => {
    const { app, compare } = await setup();
    expect((await request(app).get(diff)).status).toBe(200);
    expect((await request(app).get(diff)).status).toBe(200);
    expect(compare).toHaveBeenCalledTimes(2);

    const refused = await request(app).get(diff);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({
      error: {
        name: 'TooManyRequestsError',
        message: `Too many requests; try again in ${retryAfter} s`,
        retryAfterSeconds: retryAfter,
      },
      response: { statusCode: 429 },
    });
    expect(compare).toHaveBeenCalledTimes(2);
  });

  it('lets another user through while one is limited', async () => {
    const { app, as } = await setup();
    await request(app).get(diff);
    await request(app).get(diff);
    expect((await request(app).get(diff)).status).toBe(429);
    as(BOB);
    expect((await request(app).get(diff)).status).toBe(200);
  });

  it('keys the budget by user, not by IP: a new address does not reset it', async () => {
    const { app } = await setup();
    const from = (ip: string) =>
      request(app).get(diff).set('X-Forwarded-For', ip);
    expect((await from('10.0.0.1')).status).toBe(200);
    expect((await from('10.0.0.2')).status).toBe(200);
    expect((await from('10.0.0.3')).status).toBe(429);
  });

  it('counts a service principal by its subject', async () => {
    const { app, as } = await setup();
    as(mockCredentials.service('plugin:ci') as any);
    await request(app).get(diff);
    await request(app).get(diff);
    expect((await request(app).get(diff)).status).toBe(429);
    as(mockCredentials.service('plugin:other') as any);
    expect((await request(app).get(diff)).status).toBe(200);
  });

  it('spends the same budget on previews (pull request lookups) and diffs', async () => {
    const { app } = await setup();
    expect((await request(app).get(previews)).status).toBe(200);
    expect((await request(app).get(diff)).status).toBe(200);
    const refused = await request(app).get(previews);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('does not count the other routes', async () => {
    const { app } = await setup();
    for (let i = 0; i < 3; i++) {
      expect((await request(app).get(`${entity}/environments`)).status).toBe(
        200,
      );
    }
    expect((await request(app).get(diff)).status).toBe(200);
  });

  it('counts MCP diff actions in the same per-caller budget as the routes', async () => {
    const { app, actionsRegistry } = await setup();
    await request(app).get(diff);
    await request(app).get(diff);
    await expect(
      actionsRegistry.invoke({
        id: 'test:get-version-diff',
        input: {
          entityRef: 'component:default/checkout',
          from: 'a'.repeat(40),
          to: 'b'.repeat(40),
        },
        credentials: ALICE,
      }),
    ).rejects.toThrow(TooManyRequestsError);
  });
});

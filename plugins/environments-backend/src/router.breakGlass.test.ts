import request from 'supertest';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { BOB, CHECKOUT } from './promotions/__testUtils__/promotionWorld';
import { promotionRoutes } from './__testUtils__/promotionRoutes';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach(close => close()));

const INCIDENT = 'https://status.example.com/incidents/42';

async function routes() {
  const w = await promotionRoutes(databases);
  closers.push(w.close);
  return w;
}

describe('break-glass routes', () => {
  it.each([
    [{ target: 'production', breakGlass: { incident: INCIDENT } }, /reason/],
    [
      { target: 'production', reason: 'down', breakGlass: { incident: 'x' } },
      /incident/,
    ],
    [{ target: 'production', reason: 'down', breakGlass: {} }, /incident/],
  ])('answers 400 for %j, storing nothing', async (body, message) => {
    const w = await routes();
    const res = await request(w.app)
      .post('/entities/component/default/checkout/promotions')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
  });

  it('lists a break-glass promotion until another approver acknowledges it', async () => {
    const w = await routes();
    const created = await request(w.app)
      .post('/entities/component/default/checkout/promotions')
      .send({
        target: 'production',
        reason: 'Checkout down',
        breakGlass: { incident: INCIDENT },
      });
    expect(created.status).toBe(201);
    expect(created.body.breakGlass).toEqual({ incident: INCIDENT });
    const id = created.body.id as string;
    const list = () =>
      request(w.app).get('/entities/component/default/checkout/breakglass');
    expect(
      (await list()).body.promotions.map((p: { id: string }) => p.id),
    ).toEqual([id]);

    // The requester may not acknowledge their own.
    const own = await request(w.app).post(`/promotions/${id}/acknowledge`);
    expect(own.status).toBe(403);

    w.as(BOB);
    const acknowledged = await request(w.app).post(
      `/promotions/${id}/acknowledge`,
    );
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.breakGlass.acknowledgedBy).toBe(
      'user:default/bob',
    );
    expect((await list()).body.promotions).toEqual([]);
  });
});

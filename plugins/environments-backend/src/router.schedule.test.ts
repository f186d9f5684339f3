import request from 'supertest';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { CHECKOUT } from './promotions/__testUtils__/promotionWorld';
import { promotionRoutes } from './__testUtils__/promotionRoutes';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach(close => close()));

const PROMOTIONS = '/entities/component/default/checkout/promotions';
// The world's clock starts at 2026-11-20T12:00:00Z.
const LATER = '2026-11-20T18:30:00+02:00';

async function routes() {
  const w = await promotionRoutes(databases);
  closers.push(w.close);
  return w;
}

describe('POST .../promotions with a schedule', () => {
  it('answers 201 with the schedule (notBefore in UTC) and what it waits for', async () => {
    const w = await routes();

    const res = await request(w.app)
      .post(PROMOTIONS)
      .send({ target: 'staging', schedule: { notBefore: LATER } });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'requested',
      schedule: { notBefore: '2026-11-20T16:30:00.000Z' },
      waitingFor: {
        kind: 'schedule',
        detail: 'Scheduled: runs not before 2026-11-20T16:30:00.000Z',
        until: '2026-11-20T16:30:00.000Z',
      },
    });
    const listed = await request(w.app).get(PROMOTIONS);
    expect(listed.body.promotions[0].schedule).toEqual({
      notBefore: '2026-11-20T16:30:00.000Z',
    });
  });

  it.each([
    [
      { notBefore: 'tomorrow' },
      /'schedule.notBefore': must be an ISO 8601 time/,
    ],
    [{ notBefore: '2026-11-20T18:30:00' }, /'schedule.notBefore': must be/],
    [{ notBefore: '2026-11-20T11:00:00Z' }, /must be in the future/],
    [{ notBefore: '2027-01-01T00:00:00Z' }, /at most 30 days ahead/],
    [{}, /'schedule': a schedule needs notBefore, whenFreezeEnds: true/],
    [{ whenFreezeEnds: false }, /a schedule needs notBefore/],
    [{ whenFreezeEnds: 'yes' }, /'schedule.whenFreezeEnds'/],
    [{ notBefore: LATER, at: 'noon' }, /Unrecognized key/],
  ])(
    'answers 400 for schedule %j and stores nothing',
    async (schedule, message) => {
      const w = await routes();

      const res = await request(w.app)
        .post(PROMOTIONS)
        .send({ target: 'staging', schedule });

      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
      expect(w.writer.writes).toEqual([]);
    },
  );

  it('answers 400 for a scheduled break-glass request and stores nothing', async () => {
    const w = await routes();

    const res = await request(w.app)
      .post(PROMOTIONS)
      .send({
        target: 'staging',
        reason: 'checkout is down',
        breakGlass: { incident: 'https://incidents.example.com/42' },
        schedule: { notBefore: LATER },
      });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cannot be scheduled/);
    expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
  });

  it('cancels a scheduled promotion through POST /promotions/:id/cancel; it is never written', async () => {
    const w = await routes();
    const created = await request(w.app)
      .post(PROMOTIONS)
      .send({ target: 'staging', schedule: { notBefore: LATER } });

    const res = await request(w.app).post(
      `/promotions/${created.body.id}/cancel`,
    );

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'cancelled',
      schedule: { notBefore: '2026-11-20T16:30:00.000Z' },
    });
    expect(res.body.waitingFor).toBeUndefined();
    w.clock.advance(24 * 3600_000);
    await w.engine.advanceAll();
    expect(w.writer.writes).toEqual([]);
  });
});

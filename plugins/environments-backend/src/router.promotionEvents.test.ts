import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { promotionRoutes } from './__testUtils__/promotionRoutes';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach(close => close()));

/** A staging promotion whose trail holds its request, its write and 60 more entries. */
async function longTrail() {
  const w = await promotionRoutes(databases);
  closers.push(w.close);
  const { promotion } = await w.service.request(
    { kind: 'component', namespace: 'default', name: 'checkout' },
    { target: 'staging' },
    { credentials: mockCredentials.user('user:default/alice') },
  );
  await w.engine.idle();
  for (let i = 0; i < 60; i++) {
    await w.store.appendAudit({
      at: w.clock.now().toISOString(),
      actor: 'stageline:engine',
      action: 'promotion.note',
      result: 'succeeded',
      message: `note ${i}`,
      entityRef: promotion.entityRef,
      promotionId: promotion.id,
      environment: 'staging',
    });
  }
  return { w, id: promotion.id };
}

describe('promotion events in pages', () => {
  it('GET /promotions/:id returns the newest 50 events and a cursor; /events walks back to the request', async () => {
    const { w, id } = await longTrail();

    const detail = await request(w.app).get(`/promotions/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.events).toHaveLength(50);
    expect(detail.body.events[49].message).toBe('note 59');
    expect(detail.body.olderEventsCursor).toEqual(expect.any(String));

    const older = await request(w.app)
      .get(`/promotions/${id}/events`)
      .query({ before: detail.body.olderEventsCursor, limit: 5 });
    expect(older.status).toBe(200);
    expect(
      older.body.events.map((e: { message: string }) => e.message),
    ).toEqual(['note 5', 'note 6', 'note 7', 'note 8', 'note 9']);

    const oldest = await request(w.app)
      .get(`/promotions/${id}/events`)
      .query({ before: older.body.olderEventsCursor, limit: 50 });
    expect(oldest.body.events.map((e: { action: string }) => e.action)).toEqual(
      [
        'promotion.request',
        'promotion.write',
        'promotion.note',
        'promotion.note',
        'promotion.note',
        'promotion.note',
        'promotion.note',
      ],
    );
    expect(oldest.body.olderEventsCursor).toBeUndefined();
  });

  it('GET /promotions/:id/events without a cursor serves the newest page', async () => {
    const { w, id } = await longTrail();

    const res = await request(w.app).get(`/promotions/${id}/events?limit=2`);

    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { message: string }) => e.message)).toEqual([
      'note 58',
      'note 59',
    ]);
    expect(res.body.olderEventsCursor).toEqual(expect.any(String));
  });

  it.each([
    ['limit=0', /limit/],
    ['limit=201', /limit/],
    ['limit=ten', /limit/],
    ['limit=1.5', /limit/],
    ['before=abc', /before/],
    ['before=-3', /before/],
    ['before=1&before=2', /before/],
    ['after=3', /after/],
  ])('answers 400 for ?%s', async (query, message) => {
    const { w, id } = await longTrail();

    const res = await request(w.app).get(`/promotions/${id}/events?${query}`);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 403 without environments.read, before any catalog call', async () => {
    const { w, id } = await longTrail();
    w.denied.add('environments.read');
    w.getEntityByRef.mockClear();

    const res = await request(w.app).get(`/promotions/${id}/events`);

    expect(res.status).toBe(403);
    expect(w.getEntityByRef).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown promotion', async () => {
    const { w } = await longTrail();

    const res = await request(w.app).get('/promotions/nope/events');

    expect(res.status).toBe(404);
  });
});

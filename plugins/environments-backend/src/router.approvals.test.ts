import { formatImageReference } from '@stageline/plugin-environments-common';
import request from 'supertest';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { approverView } from './promotions/__testUtils__/approverView';
import { BOB, version } from './promotions/__testUtils__/promotionWorld';
import { promotionRoutes } from './__testUtils__/promotionRoutes';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach(close => close()));

/** Production awaiting approval of v2, requested by Alice; Bob is the caller. */
async function awaitingProduction() {
  const w = await promotionRoutes(databases);
  closers.push(w.close);
  const created = await request(w.app)
    .post('/entities/component/default/checkout/promotions')
    .send({ target: 'production' });
  expect(created.status).toBe(201);
  w.as(BOB);
  return { w, id: created.body.id as string };
}

describe('POST /promotions/:id/approvals', () => {
  it('records the approval of what the approver was shown', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);

    const res = await request(w.app)
      .post(`/promotions/${id}/approvals`)
      .send({ decision: 'approve', comment: 'lgtm', ...seen });

    expect(res.status).toBe(200);
    expect(res.body.approvals).toEqual([
      expect.objectContaining({ user: 'user:default/bob', valid: true }),
    ]);
  });

  it('answers 409 naming the new version when the promotion moved on, and records nothing', async () => {
    const { w, id } = await awaitingProduction();
    const seen = await approverView(w, id);
    w.declares('staging', 'v3');
    w.runs('staging', 'v3');
    await w.engine.advanceAll();

    const res = await request(w.app)
      .post(`/promotions/${id}/approvals`)
      .send({ decision: 'approve', ...seen });

    expect(res.status).toBe(409);
    expect(res.body.error.name).toBe('ConflictError');
    expect(res.body.error.message).toContain(
      formatImageReference(version('v3')),
    );
    expect((await w.store.get(id))?.approvals).toEqual([]);
  });

  it.each([
    [{ decision: 'approve' }, /version/],
    [{ decision: 'approve', version: 'x:v2' }, /targetBase/],
    [
      { decision: 'approve', version: 'not an image!', targetBase: null },
      /version/,
    ],
    [{ decision: 'approve', version: 'x:v2', targetBase: 'x:' }, /targetBase/],
  ])('answers 400 for %j, recording nothing', async (body, message) => {
    const { w, id } = await awaitingProduction();

    const res = await request(w.app)
      .post(`/promotions/${id}/approvals`)
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await w.store.get(id))?.approvals).toEqual([]);
  });
});

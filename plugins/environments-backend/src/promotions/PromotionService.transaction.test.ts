import {
  AUDIT_INSERT_FAILURE,
  failAuditInserts,
} from './store/__testUtils__/failAuditInserts';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  CHECKOUT,
  promotionWorld,
  REF,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

describe('PromotionService when the first audit row cannot be written', () => {
  it.each([
    ['staging', 'executing at once'],
    ['production', 'awaiting approval'],
  ])(
    'leaves no promotion to %s (%s), writes nothing to Git and notifies no one',
    async target => {
      const w = await promotionWorld(databases, 'SQLITE_3');
      const filesBefore = new Map(w.repo.files);
      await failAuditInserts(w.knex);

      const error = await w.service
        .request(REF, { target }, { credentials: ALICE })
        .catch(e => e);

      expect(error.message).toContain(AUDIT_INSERT_FAILURE);
      // Neither the request's own background step nor the scheduled pass finds anything to do.
      await w.engine.idle();
      await w.engine.advanceAll();
      expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
      expect(await w.store.listInFlight()).toEqual([]);
      expect(w.writer.writes).toEqual([]);
      expect(w.repo.files).toEqual(filesBefore);
      expect(w.notifications.send).not.toHaveBeenCalled();
      expect(w.auditorEvents).toEqual([
        { eventId: 'promotion-request', outcome: 'fail' },
      ]);
    },
  );

  it('creates the promotion once the audit can be written again', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const allowAuditInserts = await failAuditInserts(w.knex);
    const body = { target: 'staging', idempotencyKey: 'click-1' };
    const refused = await w.service
      .request(REF, body, { credentials: ALICE })
      .catch(e => e);
    expect(refused.message).toContain(AUDIT_INSERT_FAILURE);

    await allowAuditInserts();
    const { promotion, created } = await w.service.request(REF, body, {
      credentials: ALICE,
    });
    await w.engine.idle();

    expect(created).toBe(true);
    expect(w.writer.writes).toHaveLength(1);
    const trail = await w.store.listAudit({ promotionId: promotion.id });
    expect(trail.map(e => e.action)).toEqual([
      'promotion.request',
      'promotion.write',
    ]);
  });
});

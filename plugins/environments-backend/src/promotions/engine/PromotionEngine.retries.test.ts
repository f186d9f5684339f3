import { ServiceUnavailableError } from '@backstage/errors';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import { aliceRequests, promotionWorld } from '../__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

describe('PromotionEngine when the GitOps host keeps failing', () => {
  it('retries a write for 30 minutes, then fails the promotion with the cause', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const write = jest
      .spyOn(w.writer, 'write')
      .mockRejectedValue(new ServiceUnavailableError('GitHub is unreachable'));
    const { promotion } = await aliceRequests(w, 'staging');

    // Every 5 minutes a retry, each recording why it waits.
    for (let minute = 0; minute < 25; minute += 5) {
      await w.engine.advance(promotion.id);
      await expect(w.store.get(promotion.id)).resolves.toMatchObject({
        state: 'executing',
        stateReason: 'Will retry: GitHub is unreachable',
      });
      w.clock.advance(5 * 60_000);
    }
    w.clock.advance(10 * 60_000);
    await w.engine.advance(promotion.id);

    await expect(w.store.get(promotion.id)).resolves.toMatchObject({
      state: 'failed',
      stateReason: 'Write failed: GitHub is unreachable',
    });
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(6);
    await w.close();
  });
});

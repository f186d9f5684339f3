import type { Entity } from '@backstage/catalog-model';
import type { ChainState } from '../readmodel/ChainState';
import { FleetChainCache } from './FleetChainCache';
import { ListedServices } from './ListedServices';

const TTL_MS = 30_000;

function checkout(): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', etag: 'e1' },
    spec: { owner: 'team-a' },
  };
}

/** A read model whose reads answer only when the test says so, and a clock the test moves. */
function slowWorld() {
  let nowMs = 1_000_000;
  const pending: Array<(state: ChainState) => void> = [];
  const readEntityChain = jest.fn(
    () => new Promise<ChainState>(resolve => pending.push(resolve)),
  );
  const cache = new FleetChainCache({
    readModel: { readEntityChain },
    ttlMs: TTL_MS,
    now: () => new Date(nowMs),
  });
  const service = new ListedServices().describe(checkout());
  return {
    cache,
    service,
    readEntityChain,
    advance: (ms: number) => {
      nowMs += ms;
    },
    answer: async (state: ChainState) => {
      pending.shift()!(state);
      // Lets the cache's own handler of the answer run.
      await Promise.resolve();
    },
  };
}

const state = (name: string) => ({ name } as unknown as ChainState);

describe('FleetChainCache', () => {
  it('keeps a state for the TTL from when it arrived, however long the read took', async () => {
    const w = slowWorld();
    const read = w.cache.read(w.service);
    // A busy machine: the answer comes more than twice the TTL after the request.
    w.advance(3 * TTL_MS);
    expect(w.cache.readNow(w.service)).toBeUndefined();
    // A second caller meanwhile shares the read under way.
    const shared = w.cache.read(w.service);
    await w.answer(state('first'));
    await expect(read).resolves.toEqual(state('first'));
    await expect(shared).resolves.toEqual(state('first'));
    expect(w.readEntityChain).toHaveBeenCalledTimes(1);

    w.advance(TTL_MS - 1);
    expect(w.cache.readNow(w.service)).toEqual(state('first'));
    expect(w.readEntityChain).toHaveBeenCalledTimes(1);
  });

  it('answers a state past the TTL while reading it again once, and forgets it after twice the TTL', async () => {
    const w = slowWorld();
    const read = w.cache.read(w.service);
    await w.answer(state('first'));
    await read;

    w.advance(TTL_MS);
    expect(w.cache.readNow(w.service)).toEqual(state('first'));
    expect(w.cache.readNow(w.service)).toEqual(state('first'));
    expect(w.readEntityChain).toHaveBeenCalledTimes(2);
    await w.answer(state('second'));
    expect(w.cache.readNow(w.service)).toEqual(state('second'));

    w.advance(2 * TTL_MS);
    expect(w.cache.readNow(w.service)).toBeUndefined();
  });
});

import type { Entity } from '@backstage/catalog-model';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import type { ChainState } from '../readmodel/ChainState';
import type { ListedService } from './ListedServices';

type Entry = {
  fingerprint: string;
  state: Promise<ChainState>;
  /** When the read started; once answered, when the answer came (the TTL counts from it). */
  at: number;
  refreshing?: boolean;
  /** The state once read, so a warm call judges thousands of services without a promise each. */
  value?: ChainState;
};

/**
 * Each service's chain state as the fleet last read it from the read model, kept for the GitOps
 * cache TTL (see {@link FleetChainCache.read}): a filtered fleet query judges every candidate,
 * and reading thousands of chains per call is what made it slow. An entry is keyed by the entity
 * ref and the listed entity's fingerprint (see {@link ListedServices}), so an edited entity is
 * read again. Failed reads are not kept. Callers look up only
 * entities they were already allowed to read: the cache never decides who sees what.
 */
export class FleetChainCache {
  readonly #readModel: Pick<EnvironmentsService, 'readEntityChain'>;
  readonly #ttlMs: number;
  readonly #now: () => Date;
  readonly #entries = new Map<string, Entry>();
  #prunedAt = -Infinity;

  constructor(options: {
    readModel: Pick<EnvironmentsService, 'readEntityChain'>;
    ttlMs: number;
    now?: () => Date;
  }) {
    this.#readModel = options.readModel;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * The chain state of `entity` (whose ref is `ref`), from memory while fresh. An entry past the
   * TTL but younger than twice the TTL is still answered, and read again in the background (once),
   * so a page re-read on the TTL's rhythm does not pay every service's read at once.
   */
  read({ ref, entity, fingerprint }: ListedService): Promise<ChainState> {
    const now = this.#now().getTime();
    const cached = this.#answerable(ref, entity, fingerprint, now);
    return cached ? cached.state : this.#load(ref, entity, fingerprint, now);
  }

  /** Like {@link FleetChainCache.read}, but without waiting: only a state already read. */
  readNow(
    { ref, entity, fingerprint }: ListedService,
    now = this.#now().getTime(),
  ): ChainState | undefined {
    return this.#answerable(ref, entity, fingerprint, now)?.value;
  }

  /** The clock in milliseconds, to judge many services against one instant. */
  nowMs(): number {
    return this.#now().getTime();
  }

  #answerable(
    ref: string,
    entity: Entity,
    fingerprint: string,
    now: number,
  ): Entry | undefined {
    const cached = this.#entries.get(ref);
    if (!cached || cached.fingerprint !== fingerprint) return undefined;
    // A read under way is shared, however long it takes.
    if (!cached.value) return cached;
    const age = now - cached.at;
    if (age < this.#ttlMs) return cached;
    if (age >= 2 * this.#ttlMs) return undefined;
    if (!cached.refreshing) {
      cached.refreshing = true;
      this.#load(ref, entity, fingerprint, now, true).catch(() => {});
    }
    return cached;
  }

  #load(
    ref: string,
    entity: Entity,
    fingerprint: string,
    now: number,
    background = false,
  ): Promise<ChainState> {
    const state = this.#readModel.readEntityChain(entity);
    const entry: Entry = { fingerprint, state, at: now };
    // A background read replaces the entry it refreshes only once it has an answer.
    if (!background) this.#entries.set(ref, entry);
    state.then(
      value => {
        // Kept for the TTL from the answer, not the request: a call reading thousands of
        // services on a busy machine must not leave states that are stale as they arrive.
        entry.at = this.#now().getTime();
        entry.value = value;
        this.#entries.set(ref, entry);
      },
      () => {
        if (this.#entries.get(ref) === entry) this.#entries.delete(ref);
      },
    );
    return state;
  }

  /**
   * Forgets expired entries, so services gone from the catalog do not stay in memory. Walks the
   * entries at most once per TTL: an expired entry is never answered anyway.
   */
  prune(): void {
    const now = this.#now().getTime();
    if (now - this.#prunedAt < this.#ttlMs) return;
    this.#prunedAt = now;
    for (const [ref, entry] of this.#entries) {
      if (now - entry.at >= 2 * this.#ttlMs) this.#entries.delete(ref);
    }
  }
}

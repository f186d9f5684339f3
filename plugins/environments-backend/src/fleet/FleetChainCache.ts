import type { Entity } from '@backstage/catalog-model';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import type { ChainState } from '../readmodel/ChainState';

type Entry = { fingerprint: string; state: Promise<ChainState>; at: number };

/**
 * Each service's chain state as the fleet last read it from the read model, kept for the GitOps
 * cache TTL: a filtered fleet query judges every candidate, and reading thousands of chains per
 * call is what made it slow. An entry is keyed by the entity ref and the catalog fields the read
 * model uses, so an edited entity is read again. Failed reads are not kept. Callers look up only
 * entities they were already allowed to read: the cache never decides who sees what.
 */
export class FleetChainCache {
  readonly #readModel: Pick<EnvironmentsService, 'readEntityChain'>;
  readonly #ttlMs: number;
  readonly #now: () => Date;
  readonly #entries = new Map<string, Entry>();

  constructor(options: {
    readModel: Pick<EnvironmentsService, 'readEntityChain'>;
    ttlMs: number;
    now?: () => Date;
  }) {
    this.#readModel = options.readModel;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? (() => new Date());
  }

  /** The chain state of `entity` (whose ref is `ref`), from memory while fresh. */
  read(ref: string, entity: Entity): Promise<ChainState> {
    const now = this.#now().getTime();
    const fingerprint = JSON.stringify(entity);
    const cached = this.#entries.get(ref);
    if (
      cached &&
      cached.fingerprint === fingerprint &&
      now - cached.at < this.#ttlMs
    ) {
      return cached.state;
    }
    const state = this.#readModel.readEntityChain(entity);
    const entry = { fingerprint, state, at: now };
    this.#entries.set(ref, entry);
    state.catch(() => {
      if (this.#entries.get(ref) === entry) this.#entries.delete(ref);
    });
    return state;
  }

  /** Forgets expired entries, so services gone from the catalog do not stay in memory. */
  prune(): void {
    const now = this.#now().getTime();
    for (const [ref, entry] of this.#entries) {
      if (now - entry.at >= this.#ttlMs) this.#entries.delete(ref);
    }
  }
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Promotion } from '@stageline/plugin-environments-common';
import { isFinalState } from './lifecycle/isFinalState';
import type { PromotionDeps } from './PromotionDeps';
import { waitingFor } from './waitingFor';

/** The entity's chain when the caller has read it, else the credentials to read it with. */
export type EntityChain =
  | { chain: string }
  | { credentials: BackstageCredentials };

// Only these states can wait for a freeze window: their chain is worth a catalog read.
const BEFORE_WRITE = new Set<Promotion['state']>([
  'requested',
  'awaiting-approval',
]);

/**
 * Promotions as the API returns them: with what each one in flight waits for. Reads the
 * execution leases from the database (one query) and, when the chain is not known yet and a
 * freeze window could matter, the entity from the catalog; no cluster, Git or GitHub call.
 */
export class PromotionPresenter {
  readonly #deps: Pick<
    PromotionDeps,
    'config' | 'store' | 'environments' | 'now' | 'instanceId'
  >;

  constructor(
    deps: Pick<
      PromotionDeps,
      'config' | 'store' | 'environments' | 'now' | 'instanceId'
    >,
  ) {
    this.#deps = deps;
  }

  async one(promotion: Promotion, entity: EntityChain): Promise<Promotion> {
    return (await this.all([promotion], entity))[0];
  }

  /** Promotions of one entity, whose chain is given or read with the caller's credentials. */
  async all(
    promotions: Promotion[],
    entity: EntityChain,
  ): Promise<Promotion[]> {
    const open = promotions.filter(p => !isFinalState(p.state));
    if (open.length === 0) return promotions;
    const claims = await this.#deps.store.listClaims(open.map(p => p.id));
    let chain = 'chain' in entity ? entity.chain : undefined;
    if ('credentials' in entity && open.some(p => BEFORE_WRITE.has(p.state))) {
      chain = await this.#chainOf(open[0].entityRef, entity.credentials);
    }
    const now = this.#deps.now();
    return promotions.map(promotion => {
      const wait = waitingFor(promotion, {
        now,
        instanceId: this.#deps.instanceId,
        claim: claims.get(promotion.id),
        freezeWindows: chain
          ? this.#deps.config.chains
              .get(chain)
              ?.find(env => env.definition.name === promotion.target)?.gates
              .freezeWindows
          : undefined,
      });
      return wait ? { ...promotion, waitingFor: wait } : promotion;
    });
  }

  async #chainOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string | undefined> {
    try {
      return (
        await this.#deps.environments.readContext(entityRef, { credentials })
      ).chain;
    } catch {
      // An entity gone from the catalog still has its promotions: shown without freeze windows.
      return undefined;
    }
  }
}

import type {
  EnvironmentsResponse,
  ImageReference,
} from '@stageline/plugin-environments-common';
import { findEnvironment } from '../config/findEnvironment';
import type { ChainState } from '../readmodel/ChainState';
import { explainedSync } from './explainedSync';
import { verifiedVersionsIn } from './verifiedVersionsIn';
import type { PromotionDeps } from './PromotionDeps';
import { PromotionPresenter } from './PromotionPresenter';
import { readiness } from './readiness';

/**
 * What promoting into each environment would take now, and the promotions in flight that explain
 * its sync: added to a chain's state to make the response a client sees.
 */
export class ChainReadiness {
  readonly #deps: PromotionDeps;
  readonly #presenter: PromotionPresenter;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
    this.#presenter = new PromotionPresenter(deps);
  }

  /** Adds to each environment after the first what promoting into it would take now. */
  async addReadiness(state: ChainState): Promise<EnvironmentsResponse> {
    const { ctx, response } = state;
    // One indexed query per view: only the promotions still in flight, not the history.
    const inFlight = await this.#presenter.all(
      await this.#deps.store.listInFlight(ctx.entityRef),
      { chain: ctx.chain },
    );
    const now = this.#deps.now();
    const verified = await this.#verifiedVersions(state);
    const environments = response.environments.map((env, index) => {
      const own = inFlight.find(p => p.target === env.name);
      const explained = { ...env, sync: explainedSync(env, own) };
      if (index === 0) return explained;
      return {
        ...explained,
        promotion: readiness({
          now,
          source: response.environments[index - 1],
          target: env,
          policy: findEnvironment(this.#deps.config, ctx.chain, env.name),
          inFlight: own,
          verifiedVersions: verified.get(env.name),
        }),
      };
    });
    return { ...response, environments };
  }

  /** For each target that requires it: the versions verified in its source (one lookup each). */
  async #verifiedVersions(state: ChainState) {
    const { ctx, response } = state;
    const verified = new Map<string, ImageReference[]>();
    for (const [index, env] of response.environments.entries()) {
      const policy = findEnvironment(this.#deps.config, ctx.chain, env.name);
      if (index === 0 || !policy.gates.verifiedInSource) continue;
      verified.set(
        env.name,
        await verifiedVersionsIn(
          this.#deps,
          ctx.entityRef,
          response.environments[index - 1].name,
        ),
      );
    }
    return verified;
  }
}

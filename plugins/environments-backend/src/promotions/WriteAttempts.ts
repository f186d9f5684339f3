import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import { RefusalAudit, type Refusal } from '../audit/RefusalAudit';
import type { WriteAction } from '../authorization/ServiceAccess';
import type { PromotionDeps } from './PromotionDeps';

/**
 * Runs promotion writes (request, decide, cancel) with their refusals recorded: service access
 * first, then the write, whose refusals go to the promotion's audit trail (see RefusalAudit).
 */
export class WriteAttempts {
  readonly #deps: PromotionDeps;
  readonly #refusals: RefusalAudit;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
    this.#refusals = new RefusalAudit({
      ...deps,
      permissions: deps.authorization.permissions,
    });
  }

  /** Refused attempts of callers without any environments permission, since start. */
  get outsiderRefusals(): number {
    return this.#refusals.outsiderRefusals;
  }

  /**
   * One write attempt: service access first (users pass, a service only for what
   * `environments.serviceAccess` grants it), outside the refusal audit so a refused service is in
   * the auditor, never in the trail it could fill; then `run`, whose refusals are recorded.
   */
  async run<T>(
    options: { credentials: BackstageCredentials; request?: Request },
    action: WriteAction,
    refusal: Refusal,
    run: () => Promise<T>,
  ): Promise<T> {
    await this.#deps.authorization.requireWriter(options.credentials, {
      action,
      resourceRef: refusal.entityRef,
      request: options.request,
    });
    try {
      return await run();
    } catch (error) {
      await this.#refusals.record(refusal, error, options.credentials);
      throw error;
    }
  }
}

import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { errorMessage } from '../errors/errorMessage';
import { holdsNoEnvironmentsPermission } from '../authorization/holdsNoEnvironmentsPermission';
import type { AuditEntry, AuditSink } from './types';

/** A refused attempt, before it is known where it is recorded. */
export type Refusal = Omit<AuditEntry, 'at' | 'result' | 'message'>;

/** What {@link RefusalAudit} needs from the promotion dependencies. */
export type RefusalAuditDeps = {
  permissions: PermissionsService;
  store: AuditSink;
  logger: LoggerService;
  now: () => Date;
};

/**
 * Records refused promotion attempts. A caller who holds some `environments.*` permission on
 * the entity is audited in the promotion's trail, as every attempt is. A caller who holds none
 * is logged and counted instead: appending their refusals would let anyone bury a promotion's
 * request and approvals under rows of their own.
 */
export class RefusalAudit {
  readonly #deps: RefusalAuditDeps;
  #outsiderRefusals = 0;

  constructor(deps: RefusalAuditDeps) {
    this.#deps = deps;
  }

  /** Refusals of callers without any environments permission since this instance started. */
  get outsiderRefusals(): number {
    return this.#outsiderRefusals;
  }

  async record(
    refusal: Refusal,
    error: unknown,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const message = errorMessage(error);
    if (
      isError(error) &&
      error.name === 'NotAllowedError' &&
      (await holdsNoEnvironmentsPermission(
        this.#deps.permissions,
        refusal.entityRef,
        credentials,
      ))
    ) {
      this.#outsiderRefusals += 1;
      this.#deps.logger.warn(
        'Refused an attempt by a caller who holds no environments permission on the entity',
        {
          actor: refusal.actor,
          action: refusal.action,
          entityRef: refusal.entityRef,
          promotionId: refusal.promotionId ?? null,
          reason: message,
        },
      );
      return;
    }
    await this.#deps.store.appendAudit({
      ...refusal,
      at: this.#deps.now().toISOString(),
      result: 'refused',
      message,
    });
  }
}

import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import type { Request } from 'express';
import {
  readServiceAccessConfig,
  type ServiceAccessAction,
  type ServiceAccessGrants,
} from '../config/readServiceAccessConfig';
import { isServicePrincipal, isUserPrincipal } from './principals';

/** Every write a caller can attempt; `approve-promotion` is for users only. */
export type WriteAction = ServiceAccessAction | 'approve-promotion';

const WHAT: Record<WriteAction, string> = {
  'request-promotion': 'request promotions',
  'request-rollback': 'request rollbacks',
  'cancel-promotion': 'cancel promotions',
  'approve-promotion': 'approve or reject promotions',
  'keep-preview': 'keep previews',
  'extend-preview': 'extend previews',
  'delete-preview': 'delete previews',
};

/**
 * Who may write: signed-in users (then the permission policy decides), and service principals
 * only for the writes `environments.serviceAccess` grants them.
 *
 * Backstage's permission client allows every service principal without asking the policy, so
 * this check is the only thing standing between a service token and a write. It runs before
 * any permission, catalog, cluster or Git call; the permission check still runs after it.
 */
export class ServiceAccess {
  readonly #grants: ServiceAccessGrants;
  readonly #auditor: AuditorService;

  static fromConfig(config: Config, deps: { auditor: AuditorService }) {
    return new ServiceAccess(readServiceAccessConfig(config), deps.auditor);
  }

  constructor(grants: ServiceAccessGrants, auditor: AuditorService) {
    this.#grants = grants;
    this.#auditor = auditor;
  }

  /**
   * Returns for a user, and for a service granted `action` (audited, naming the service).
   *
   * @throws NotAllowedError for a service not granted `action`, and for any other principal.
   */
  async require(
    credentials: BackstageCredentials,
    attempt: { action: WriteAction; resourceRef: string; request?: Request },
  ): Promise<void> {
    if (isUserPrincipal(credentials)) return;
    if (!isServicePrincipal(credentials)) {
      throw new NotAllowedError(
        `Only a signed-in user may ${WHAT[attempt.action]}`,
      );
    }
    const { subject } = credentials.principal;
    const granted =
      attempt.action !== 'approve-promotion' &&
      this.#grants.get(subject)?.has(attempt.action) === true;
    // Severity high when granted: the permission policy was not asked, this record is the decision.
    const event = await this.#auditor.createEvent({
      eventId: 'service-access',
      severityLevel: granted ? 'high' : 'medium',
      request: attempt.request,
      meta: {
        subject,
        action: attempt.action,
        resourceRef: attempt.resourceRef,
        granted,
      },
    });
    if (granted) {
      await event.success();
      return;
    }
    const error = new NotAllowedError(refusal(subject, attempt.action));
    await event.fail({ error });
    throw error;
  }
}

function refusal(subject: string, action: WriteAction): string {
  if (action === 'approve-promotion') {
    return `Approvals must come from a signed-in user: service principal '${subject}' cannot ${WHAT[action]}, an approval is a person's decision`;
  }
  return `Service principal '${subject}' may not ${WHAT[action]}: only signed-in users may, unless 'environments.serviceAccess' grants '${action}' to '${subject}'`;
}

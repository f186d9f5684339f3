import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Promotion } from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';
import { errorMessage } from '../errors/errorMessage';

/**
 * Tells people about promotions through the Backstage notifications service, when installed.
 * A notification that cannot be sent is logged, never fails the promotion.
 */
export class PromotionNotifier {
  readonly #notifications?: NotificationService;
  readonly #logger: LoggerService;
  readonly #linkFor: (promotion: Promotion) => string;

  constructor(options: {
    notifications?: NotificationService;
    logger: LoggerService;
    /** Link to the promotion's page in the app. */
    linkFor: (promotion: Promotion) => string;
  }) {
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#linkFor = options.linkFor;
  }

  /**
   * Approvers (users or groups), or the service's owners when none are configured; never the
   * requester, who may not approve their own request.
   */
  async approvalNeeded(promotion: Promotion, approvers: string[]) {
    await this.#send(
      approvers.length > 0 ? approvers : [promotion.entityRef],
      promotion,
      {
        title: `Approval needed: ${describe(promotion)}`,
        description: `${promotion.requestedBy} asks to ${
          promotion.kind === 'rollback' ? 'roll back' : 'promote'
        } ${formatImageReference(promotion.version)} to ${promotion.target}${
          promotion.reason ? `: ${promotion.reason}` : ''
        }. ${promotion.approvalsRequired} approval(s) required.`,
        severity: 'high',
      },
      promotion.requestedBy,
    );
  }

  /**
   * A break-glass request: the target's approvers (or the service's owners), who must
   * acknowledge it after the fact; never the requester.
   */
  async breakGlassUsed(promotion: Promotion, approvers: string[]) {
    await this.#send(
      approvers.length > 0 ? approvers : [promotion.entityRef],
      promotion,
      {
        title: `Break-glass: ${describe(promotion)}`,
        description: `${
          promotion.requestedBy
        } bypassed freeze windows, soak time and approvals to ${
          promotion.kind === 'rollback' ? 'roll back' : 'promote'
        } ${formatImageReference(promotion.version)} to ${promotion.target}${
          promotion.reason ? `: ${promotion.reason}` : ''
        } (incident ${
          promotion.breakGlass?.incident ?? 'unknown'
        }). An approver must acknowledge it.`,
        severity: 'high',
      },
      promotion.requestedBy,
    );
  }

  /** The requester and the service's owners, on a final state. */
  async finished(promotion: Promotion) {
    const ok = promotion.state === 'succeeded';
    await this.#send([promotion.requestedBy, promotion.entityRef], promotion, {
      title: `${finishedTitle(promotion)}: ${describe(promotion)}`,
      description: promotion.stateReason,
      severity: ok ? 'normal' : 'high',
    });
  }

  /**
   * An automatic rollback after a failed verification: the service's owners and the target's
   * approvers (who must approve it when the target requires approvals).
   */
  async automaticRollback(
    rollback: Promotion,
    failed: Promotion,
    approvers: string[],
  ) {
    await this.#send([rollback.entityRef, ...approvers], rollback, {
      title: `Rolling back automatically: ${describe(rollback)}`,
      description: `${formatImageReference(
        failed.version,
      )} failed verification in ${failed.target}: ${
        failed.stateReason ?? 'a check failed'
      }. Rolling back to ${formatImageReference(rollback.version)}.`,
      severity: 'high',
    });
  }

  async #send(
    recipients: string[],
    promotion: Promotion,
    payload: {
      title: string;
      description?: string;
      severity: 'normal' | 'high';
    },
    excluded?: string,
  ) {
    if (!this.#notifications) return;
    try {
      await this.#notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipients,
          ...(excluded && { excludeEntityRef: excluded }),
        },
        payload: {
          ...payload,
          link: this.#linkFor(promotion),
          topic: 'stageline-promotions',
          scope: `stageline-promotion:${promotion.id}:${promotion.state}`,
        },
      });
    } catch (error) {
      this.#logger.warn('Could not send a promotion notification', {
        promotionId: promotion.id,
        error: errorMessage(error),
      });
    }
  }
}

function finishedTitle(promotion: Promotion): string {
  const rollback = promotion.kind === 'rollback';
  if (promotion.state === 'succeeded')
    return rollback ? 'Rolled back' : 'Promoted';
  if (promotion.state === 'failed-verification') {
    return `${rollback ? 'Rollback' : 'Promotion'} failed verification`;
  }
  return `${rollback ? 'Rollback' : 'Promotion'} ${promotion.state}`;
}

function describe(promotion: Promotion): string {
  const name = promotion.entityRef.split('/').pop();
  const tag = promotion.version.tag ?? '';
  // Tags are source commit SHAs by convention: show them short, like the tab does.
  const version = /^[0-9a-f]{40}$/.test(tag) ? tag.slice(0, 7) : tag;
  return `${name} ${version} -> ${promotion.target}`;
}

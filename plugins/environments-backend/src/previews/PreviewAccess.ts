import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  isError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  environmentsPreviewDeletePermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import { permissionsLacking } from '../authorization/permissionsLacking';
import type { ClusterStateReader } from '../kubernetes/types';
import { RefusalAudit, type Refusal } from '../audit/RefusalAudit';
import type { EntityContext } from '../catalog/EntityContext';
import { errorMessage } from '../errors/errorMessage';
import { findCoHolders } from './findCoHolders';
import type {
  PreviewAuditSink,
  PreviewCaller,
  PreviewCandidate,
} from './types';

/** What acting on a preview takes, on its own service and on every other one it holds. */
const PREVIEW_WRITE = [
  environmentsReadPermission,
  environmentsPreviewDeletePermission,
];

// Without a permission service nobody is an outsider: every refusal is audited.
const UNASKABLE: PermissionsService = {
  authorize: async () => {
    throw new Error('no permission service');
  },
  authorizeConditional: async () => {
    throw new Error('no permission service');
  },
};

/**
 * Who may keep, extend or delete a preview namespace that holds other services' workloads
 * (whoever holds environments.read and environments.preview.delete on each of them), and the
 * record of refused attempts, kept as refused promotions are: in the service's audit trail for
 * a caller with some environments permission on it, logged and counted for an outsider.
 */
export class PreviewAccess {
  readonly #permissions?: PermissionsService;
  readonly #clusters: ClusterStateReader;
  readonly #listServices: () => Promise<EntityContext[]>;
  readonly #refusals: RefusalAudit;
  readonly #logger: LoggerService;

  constructor(options: {
    /** Absent (tests that never meet a shared namespace): every shared namespace is refused. */
    permissions?: PermissionsService;
    clusters: ClusterStateReader;
    /** Every catalog service, read with the plugin's own credentials. */
    listServices: () => Promise<EntityContext[]>;
    audit: PreviewAuditSink;
    logger: LoggerService;
    clock: { now(): Date };
  }) {
    this.#permissions = options.permissions;
    this.#clusters = options.clusters;
    this.#listServices = options.listServices;
    this.#logger = options.logger;
    this.#refusals = new RefusalAudit({
      permissions: options.permissions ?? UNASKABLE,
      store: options.audit,
      logger: options.logger,
      now: () => options.clock.now(),
    });
  }

  /** Refused preview writes of callers without any environments permission, since start. */
  get outsiderRefusals(): number {
    return this.#refusals.outsiderRefusals;
  }

  /**
   * Returns when the located namespace holds no other service's workloads, or the caller may
   * act on each of those services; refuses (audited) otherwise. Reads the catalog and the
   * cluster caches only: it runs before any change.
   */
  async requireOnShared(input: {
    ctx: EntityContext;
    found: PreviewCandidate[];
    caller: PreviewCaller;
    action: string;
  }): Promise<void> {
    const { ctx, found, caller } = input;
    const namespace = found[0].namespace.name;
    try {
      const others = await findCoHolders({
        reader: this.#clusters,
        services: await this.#services(namespace),
        ctx,
        found,
      });
      await this.requireOnEvery(
        others.map(other => other.entityRef),
        caller,
        namespace,
      );
    } catch (error) {
      await this.recordRefusal(
        {
          entityRef: ctx.entityRef,
          environment: namespace,
          actor: caller.actor,
          action: input.action,
        },
        error,
        caller.credentials,
      );
      throw error;
    }
  }

  /**
   * Returns when `others` is empty or the caller holds both permissions on each of them.
   *
   * @throws NotAllowedError naming the services the caller lacks them on.
   */
  async requireOnEvery(
    others: string[],
    caller: PreviewCaller,
    namespace: string,
  ): Promise<void> {
    if (others.length === 0) return;
    const shared = `Namespace '${namespace}' also holds the workloads of ${others.join(
      ', ',
    )}: acting on it needs environments.read and environments.preview.delete on each of them`;
    if (!this.#permissions) {
      throw new NotAllowedError(`${shared}, which cannot be checked here`);
    }
    // Fails closed: anything but an explicit ALLOW is a denial.
    const refused = await permissionsLacking(
      this.#permissions,
      others,
      PREVIEW_WRITE,
      caller.credentials,
    );
    if (refused.length > 0) {
      throw new NotAllowedError(
        `${shared}; ${caller.actor} lacks them on ${refused.join(', ')}`,
      );
    }
  }

  /**
   * Records a refused (403) preview write. Other errors are no refusal (a typo, a cluster that
   * cannot tell); a delete the cluster refused is audited where it happens. Never throws: the
   * caller is answered with the refusal even when the audit store fails.
   */
  async recordRefusal(
    refusal: Refusal,
    error: unknown,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!isError(error) || error.name !== 'NotAllowedError') return;
    try {
      await this.#refusals.record(refusal, error, credentials);
    } catch (failure) {
      this.#logger.error('Stageline could not audit a refused preview write', {
        action: refusal.action,
        namespace: refusal.environment ?? null,
        actor: refusal.actor,
        error: errorMessage(failure),
      });
    }
  }

  async #services(namespace: string): Promise<EntityContext[]> {
    try {
      return await this.#listServices();
    } catch (error) {
      // Fails closed: without the catalog nobody can tell whose workloads the namespace holds.
      throw new ServiceUnavailableError(
        `Cannot tell which services' workloads namespace '${namespace}' holds: ${errorMessage(
          error,
        )}`,
      );
    }
  }
}

import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import { environmentsReadPermission } from '@stageline/plugin-environments-common';
import type { Request } from 'express';
import { holdsNoEnvironmentsPermission } from './holdsNoEnvironmentsPermission';
import { permissionsLacking } from './permissionsLacking';
import { requirePermission } from './requirePermission';
import { uniformDecisionOf } from './uniformDecisionOf';
import type { ServiceAccess, WriteAction } from './ServiceAccess';

/** A permission on a catalog entity, as every `environments.*` permission is. */
export type EntityPermission = ResourcePermission<'catalog-entity'>;

/**
 * The one place that decides who may read and write, used by the routes, the MCP actions and
 * the promotion and preview services alike. One rule for reads and writes: a write first passes
 * service access (users pass, a service principal only for what `environments.serviceAccess`
 * grants it), then, like a read, every permission it needs on the entity, in order, fail closed.
 * Callers check here before any catalog, cluster, Git or GitHub call.
 */
export class Authorization {
  readonly #permissions: PermissionsService;
  readonly #serviceAccess: ServiceAccess;

  constructor(options: {
    permissions: PermissionsService;
    serviceAccess: ServiceAccess;
  }) {
    this.#permissions = options.permissions;
    this.#serviceAccess = options.serviceAccess;
  }

  /** The permission service, for the refusal audit's outsider test. */
  get permissions(): PermissionsService {
    return this.#permissions;
  }

  /** Throws NotAllowedError unless the caller may read the entity's environments. */
  async requireRead(
    resourceRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.require(environmentsReadPermission, resourceRef, credentials);
  }

  /** Throws NotAllowedError unless the policy explicitly allows `permission` on `resourceRef`. */
  async require(
    permission: EntityPermission,
    resourceRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await requirePermission({
      permissions: this.#permissions,
      permission,
      resourceRef,
      credentials,
    });
  }

  /**
   * Users pass; a service principal only for what `environments.serviceAccess` grants it
   * (audited). Runs before the permission checks of a write.
   */
  async requireWriter(
    credentials: BackstageCredentials,
    attempt: { action: WriteAction; resourceRef: string; request?: Request },
  ): Promise<void> {
    await this.#serviceAccess.require(credentials, attempt);
  }

  /**
   * A write: service access, then each permission in order on `resourceRef`.
   *
   * @throws NotAllowedError at the first refusal.
   */
  async requireWrite(
    credentials: BackstageCredentials,
    attempt: {
      action: WriteAction;
      resourceRef: string;
      request?: Request;
      permissions: EntityPermission[];
    },
  ): Promise<void> {
    const { permissions, ...access } = attempt;
    await this.requireWriter(credentials, access);
    for (const permission of permissions) {
      await this.require(permission, attempt.resourceRef, credentials);
    }
  }

  /**
   * The entities of `resourceRefs` on which the caller lacks any of `permissions`, asked in one
   * batch. Fails closed: anything but an explicit ALLOW counts as lacking.
   */
  async lackingOn(
    resourceRefs: string[],
    permissions: EntityPermission[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    return permissionsLacking(
      this.#permissions,
      resourceRefs,
      permissions,
      credentials,
    );
  }

  /**
   * The policy's answer for `permissions` on every entity at once, when it is the same for all:
   * `allow` when each is an unconditional ALLOW, `deny` when any is an unconditional DENY,
   * undefined when a decision is conditional (or anything else): then ask per entity. The
   * policy never sees the resource, so an unconditional answer is the one each entity would get.
   */
  async uniformDecision(
    permissions: EntityPermission[],
    credentials: BackstageCredentials,
  ): Promise<'allow' | 'deny' | undefined> {
    return uniformDecisionOf(this.#permissions, permissions, credentials);
  }

  /** Whether the caller holds none of the `environments.*` permissions on the entity. */
  async holdsNone(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return holdsNoEnvironmentsPermission(
      this.#permissions,
      entityRef,
      credentials,
    );
  }
}

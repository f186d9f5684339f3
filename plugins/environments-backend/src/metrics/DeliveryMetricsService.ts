import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  type DeliveryMetrics,
  STAGELINE_ANNOTATIONS,
} from '@stageline/plugin-environments-common';
import type { Authorization } from '../authorization/Authorization';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import { entitySummary } from '../fleet/entitySummary';
import { matchesEntity } from '../fleet/fleetFilters';
import type { FleetService } from '../fleet/FleetService';
import { computeDeliveryMetrics } from './computeDeliveryMetrics';
import type { ProductionHistory } from './ProductionHistory';

/** Whose metrics: one service, a System's components, or a Group's components (full refs). */
export type MetricsScope = {
  kind: 'entity' | 'system' | 'group';
  ref: string;
};

/**
 * Delivery metrics of the services of a scope the caller may read (catalog read with the
 * caller's credentials, then `environments.read`), from the promotion history in the database.
 * Production is the last environment of each service's chain.
 */
export class DeliveryMetricsService {
  readonly #catalog: typeof catalogServiceRef.T;
  readonly #authorization: Pick<Authorization, 'requireRead'>;
  readonly #fleet: Pick<FleetService, 'readableEntities'>;
  readonly #history: Pick<ProductionHistory, 'list'>;
  readonly #config: Pick<EnvironmentsConfig, 'chains'>;
  readonly #now: () => Date;

  constructor(options: {
    catalog: typeof catalogServiceRef.T;
    authorization: Pick<Authorization, 'requireRead'>;
    fleet: Pick<FleetService, 'readableEntities'>;
    history: Pick<ProductionHistory, 'list'>;
    config: Pick<EnvironmentsConfig, 'chains'>;
    now?: () => Date;
  }) {
    this.#catalog = options.catalog;
    this.#authorization = options.authorization;
    this.#fleet = options.fleet;
    this.#history = options.history;
    this.#config = options.config;
    this.#now = options.now ?? (() => new Date());
  }

  async get(
    scope: MetricsScope,
    period: { from: Date; to: Date },
    options: { credentials: BackstageCredentials },
  ): Promise<DeliveryMetrics> {
    const entities = await this.#entitiesOf(scope, options.credentials);
    const production = new Map<string, string>();
    for (const entity of entities) {
      const environment = this.#productionOf(entity);
      if (environment) production.set(stringifyEntityRef(entity), environment);
    }
    const changes = production.size
      ? await this.#history.list(production, period.from)
      : [];
    return {
      scope,
      entityRefs: [...production.keys()].sort(),
      ...computeDeliveryMetrics(changes, period),
      generatedAt: this.#now().toISOString(),
    };
  }

  async #entitiesOf(
    scope: MetricsScope,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { kind, ref } = scope;
    if (kind === 'entity') {
      await this.#authorization.requireRead(ref, credentials);
      const entity = await this.#catalog.getEntityByRef(ref, { credentials });
      if (!entity) {
        throw new NotFoundError(`No entity '${ref}' in the catalog`);
      }
      return [entity];
    }
    const readable = await this.#fleet.readableEntities(credentials, {
      kind,
      ref,
    });
    return readable
      .map(r => r.entity)
      .filter(entity =>
        matchesEntity(entitySummary(entity), {
          scope: { kind, ref },
        }),
      );
  }

  /** The last environment of the entity's chain; undefined when the chain is not configured. */
  #productionOf(entity: Entity): string | undefined {
    const chain =
      entity.metadata.annotations?.[STAGELINE_ANNOTATIONS.chain] || 'default';
    return this.#config.chains.get(chain)?.at(-1)?.definition.name;
  }
}

import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import {
  EnvironmentDefinition,
  EnvironmentsResponse,
  STAGELINE_ANNOTATIONS,
} from '@stageline/plugin-environments-common';
import { readChainsConfig } from '../config/readChainsConfig';

/** Answers what environments a catalog service has. */
export class EnvironmentsService {
  readonly #catalog: typeof catalogServiceRef.T;
  readonly #chains: Map<string, EnvironmentDefinition[]>;

  static create(options: {
    catalog: typeof catalogServiceRef.T;
    chains: Map<string, EnvironmentDefinition[]>;
  }) {
    return new EnvironmentsService(options);
  }

  private constructor(options: {
    catalog: typeof catalogServiceRef.T;
    chains: Map<string, EnvironmentDefinition[]>;
  }) {
    this.#catalog = options.catalog;
    this.#chains = options.chains;
  }

  async getEnvironments(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EnvironmentsResponse> {
    const entityRef = stringifyEntityRef(ref);
    // Read with the caller's credentials so catalog read rules apply too.
    const entity = await this.#catalog.getEntityByRef(entityRef, options);
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    const annotations = entity.metadata.annotations ?? {};
    if (!annotations[KUBERNETES_ANNOTATION]) {
      throw new NotFoundError(
        `Entity '${entityRef}' has no '${KUBERNETES_ANNOTATION}' annotation, so it has no environments`,
      );
    }
    const chain = annotations[STAGELINE_ANNOTATIONS.chain] ?? 'default';
    const environments = this.#chains.get(chain);
    if (!environments) {
      throw new NotFoundError(
        `Entity '${entityRef}' names chain '${chain}', which is not configured under environments.chains`,
      );
    }
    return { entityRef, chain, environments };
  }
}

/** @public */
export const environmentsServiceRef = createServiceRef<EnvironmentsService>({
  id: 'environments.read-model',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { catalog: catalogServiceRef, config: coreServices.rootConfig },
      async factory({ catalog, config }) {
        return EnvironmentsService.create({
          catalog,
          chains: readChainsConfig(config),
        });
      },
    }),
});

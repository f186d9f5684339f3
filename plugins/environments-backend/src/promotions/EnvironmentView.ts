import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import type { ChainReadiness } from './ChainReadiness';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';

/**
 * The environments of a service as a client sees them: the read model's state of each
 * environment (Git, cluster, sync) with what promoting into it would take now. The router and
 * the MCP actions both answer from here; the caller checks permissions first.
 */
export class EnvironmentView {
  readonly #readModel: Pick<EnvironmentsService, 'readChain'>;
  readonly #readiness: Pick<ChainReadiness, 'addReadiness'>;

  constructor(options: {
    readModel: Pick<EnvironmentsService, 'readChain'>;
    readiness: Pick<ChainReadiness, 'addReadiness'>;
  }) {
    this.#readModel = options.readModel;
    this.#readiness = options.readiness;
  }

  async getEnvironments(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EnvironmentsResponse> {
    return this.#readiness.addReadiness(
      await this.#readModel.readChain(ref, options),
    );
  }
}

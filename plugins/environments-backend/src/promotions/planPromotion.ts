import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import {
  shortVersion,
  sameVersion,
} from '@stageline/plugin-environments-common';
import type {
  ImageReference,
  PromotionRequest,
} from '@stageline/plugin-environments-common';
import { candidateVersion } from './gates/candidateVersion';
import { gatesThatApply } from './gates/breakGlassBypass';
import { evaluateGates } from './gates/evaluateGates';
import { verifiedVersionsIn } from './verifiedVersionsIn';
import { matchesRequested } from './matchesRequested';
import { findEnvironment } from '../config/findEnvironment';
import type { PromotionDeps } from './PromotionDeps';
import { readSourceCommitTime } from './readSourceCommitTime';

/**
 * What a promotion request would move: the version the previous environment declares and runs.
 * Throws (400/409, with the reason) when the target is the first environment, the source has no
 * such version, the caller expected another one, the target already declares it, or a gate that
 * blocks requests fails (an open freeze window does not when it is scheduled for when it ends).
 */
export async function planPromotion(
  deps: PromotionDeps,
  input: {
    ref: CompoundEntityRef;
    body: PromotionRequest;
    credentials: BackstageCredentials;
    actor: string;
  },
): Promise<{
  source: string;
  version: ImageReference;
  /** When the version's source commit was made, when it could be read. */
  sourceCommitAt?: string;
}> {
  const { body } = input;
  const { ctx, response, sourceRepository } = await deps.environments.readChain(
    input.ref,
    {
      credentials: input.credentials,
    },
  );
  const index = response.environments.findIndex(e => e.name === body.target);
  if (index === 0) {
    throw new InputError(
      `'${body.target}' is the first environment of the chain: versions enter it from CI, not by promotion`,
    );
  }
  const source = response.environments[index - 1];
  const target = response.environments[index];
  const { version, reason } = candidateVersion(source);
  if (!version) {
    throw new ConflictError(
      `Nothing to promote from ${source.name}: ${reason}`,
    );
  }
  if (body.version && !matchesRequested(version, body.version)) {
    throw new ConflictError(
      `${source.name} now runs ${shortVersion(version)}, not ${
        body.version
      }: reload and try again`,
    );
  }
  if (target.desired?.image && sameVersion(target.desired.image, version)) {
    throw new ConflictError(
      `${target.name} already declares ${shortVersion(version)}`,
    );
  }
  const { gates } = findEnvironment(deps.config, ctx.chain, target.name);
  const results = evaluateGates({
    now: deps.now(),
    source,
    target,
    gates,
    candidate: version,
    approvals: [],
    requestedBy: input.actor,
    verifiedVersions: gates.verifiedInSource
      ? await verifiedVersionsIn(deps, ctx.entityRef, source.name)
      : undefined,
  });
  // Scheduled for when the freeze ends: the open window is what it waits for, not a refusal.
  const failing = gatesThatApply(results, Boolean(body.breakGlass)).filter(
    g =>
      g.blocksRequest &&
      !g.passed &&
      !(g.id === 'freeze-window' && body.schedule?.whenFreezeEnds === true),
  );
  if (failing.length > 0) {
    throw new ConflictError(
      `Promotion to ${target.name} is blocked: ${failing
        .map(g => g.reason)
        .join('; ')}`,
    );
  }
  return {
    source: source.name,
    version,
    sourceCommitAt: await readSourceCommitTime(
      sourceRepository,
      version,
      target.desired?.image,
    ),
  };
}

import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  environmentsPromoteBreakGlassPermission,
  type PromotionRequest,
} from '@stageline/plugin-environments-common';
import type { PromotionDeps } from './PromotionDeps';

/**
 * A break-glass request needs `environments.promote.breakglass` and says why: a reason and an
 * incident link. Checked before the catalog, Git or the cluster is read.
 */
export async function requireBreakGlass(
  deps: Pick<PromotionDeps, 'authorization'>,
  entityRef: string,
  body: PromotionRequest,
  credentials: BackstageCredentials,
): Promise<void> {
  await deps.authorization.require(
    environmentsPromoteBreakGlassPermission,
    entityRef,
    credentials,
  );
  if (!body.reason?.trim()) {
    throw new InputError(
      'A break-glass request needs a reason: say why the freeze, soak time or approvals cannot wait',
    );
  }
  const incident = body.breakGlass?.incident ?? '';
  if (!/^https?:\/\/\S+$/i.test(incident)) {
    throw new InputError(
      'A break-glass request needs an incident link, an http(s) URL',
    );
  }
}

/** The action of a request's first audit row: break-glass requests are marked as such. */
export function requestAction(body: PromotionRequest): string {
  const kind = body.rollback ? 'rollback' : 'promotion';
  return body.breakGlass ? `${kind}.break-glass` : `${kind}.request`;
}

/** The auditor event of a request: `breakglass-request` for break-glass ones. */
export function requestEventId(body: PromotionRequest): string {
  if (body.breakGlass) return 'breakglass-request';
  return body.rollback ? 'rollback-request' : 'promotion-request';
}

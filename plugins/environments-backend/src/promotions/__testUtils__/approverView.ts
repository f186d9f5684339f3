import { mockCredentials } from '@backstage/backend-test-utils';
import type { ApprovalRequest } from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';
import type { EnvironmentsService } from '../../readmodel/EnvironmentsService';
import type { PromotionStore } from '../types';

/**
 * What an approver looking now is shown of a promotion, as the UI sends it with the decision:
 * the promotion's version and what its target overlay declares.
 */
export async function approverView(
  world: { store: PromotionStore; deps: { environments: EnvironmentsService } },
  promotionId: string,
): Promise<Pick<ApprovalRequest, 'version' | 'targetBase'>> {
  const promotion = await world.store.get(promotionId);
  if (!promotion) throw new Error(`No promotion ${promotionId}`);
  const { response } = await world.deps.environments.readChain(
    promotion.entityRef,
    { credentials: mockCredentials.user() },
  );
  const target = response.environments.find(e => e.name === promotion.target);
  const base = target?.desired?.image;
  return {
    version: formatImageReference(promotion.version),
    targetBase: base ? formatImageReference(base) : null,
  };
}

import { NotAllowedError } from '@backstage/errors';
import type {
  GitOpsAgentStatus,
  Promotion,
} from '@stageline/plugin-environments-common';
import { findEnvironment } from '../../config/findEnvironment';
import { errorMessage } from '../../errors/errorMessage';
import { agentName } from '../../readmodel/agentSync';
import type { PromotionDeps } from '../PromotionDeps';
import { auditPromotion } from './engineSteps';

/**
 * The optional sync nudge: when config asks for it (`agent.refresh` of the environment, or
 * `environments.gitopsAgents.refresh`), asks the target's agent to sync the promotion's commit
 * now instead of at its next poll. Audited either way; a refusal or failure never fails the
 * promotion (the agent still syncs at its own pace).
 */
export async function nudgeAgent(
  deps: PromotionDeps,
  promotion: Promotion,
  chain: string,
  agent: GitOpsAgentStatus,
): Promise<void> {
  const env = findEnvironment(deps.config, chain, promotion.target);
  const enabled = env.agent?.refresh ?? deps.config.gitopsAgents.refresh;
  if (!enabled || !deps.agentRefresher) return;
  const who = agentName(agent);
  try {
    await deps.agentRefresher.refresh(
      {
        kind: agent.kind,
        cluster: agent.cluster,
        namespace: agent.namespace,
        name: agent.name,
      },
      deps.now(),
    );
    await auditPromotion(deps, promotion, {
      actor: 'stageline:engine',
      action: 'promotion.agent-refresh',
      result: 'succeeded',
      message: `Asked ${who} on cluster '${agent.cluster}' to sync now`,
    });
  } catch (error) {
    deps.logger.warn(
      `Stageline: refreshing ${who} for promotion ${
        promotion.id
      } failed: ${errorMessage(error)}`,
    );
    await auditPromotion(deps, promotion, {
      actor: 'stageline:engine',
      action: 'promotion.agent-refresh',
      result: error instanceof NotAllowedError ? 'refused' : 'failed',
      message: `Could not ask ${who} to sync now: ${errorMessage(error)}`,
    });
  }
}

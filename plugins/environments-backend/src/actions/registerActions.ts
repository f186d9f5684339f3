import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { Authorization } from '../authorization/Authorization';
import type { PromotionService } from '../promotions/PromotionService';
import type { CallerBudget } from '../authorization/CallerBudget';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import type { EnvironmentView } from '../promotions/EnvironmentView';
import { createAcknowledgeBreakGlassAction } from './createAcknowledgeBreakGlassAction';
import { createApprovePromotionAction } from './createApprovePromotionAction';
import { createCancelPromotionAction } from './createCancelPromotionAction';
import { createGetEnvironmentsAction } from './createGetEnvironmentsAction';
import { createGetServiceHistoryAction } from './createGetServiceHistoryAction';
import { createGetVersionDiffAction } from './createGetVersionDiffAction';
import { createRequestPromotionAction } from './createRequestPromotionAction';
import { createRequestRollbackAction } from './createRequestRollbackAction';

/** The plugin's actions in the actions registry (served to MCP clients by mcp-actions-backend). */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  authorization: Authorization;
  environments: EnvironmentsService;
  view: EnvironmentView;
  promotions: PromotionService;
  githubReads: CallerBudget;
}) {
  createGetEnvironmentsAction(options);
  createGetVersionDiffAction(options);
  createGetServiceHistoryAction(options);
  createRequestPromotionAction(options);
  createApprovePromotionAction(options);
  createRequestRollbackAction(options);
  createCancelPromotionAction(options);
  createAcknowledgeBreakGlassAction(options);
}

import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Authorization } from '../authorization/Authorization';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import type { AgentRefresher } from '../kubernetes/writer/AgentRefresher';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import type { PromotionVerifier } from '../verification/PromotionVerifier';
import type { PromotionNotifier } from './PromotionNotifier';
import type { PromotionStore } from './types';
import type { OverlayWriterResolver } from './writers/types';

/** What the promotion service and engine share. */
export type PromotionDeps = {
  environments: EnvironmentsService;
  config: EnvironmentsConfig;
  store: PromotionStore;
  writers: OverlayWriterResolver;
  /** Who may read and write: service access, then the permission policy. */
  authorization: Authorization;
  auditor: AuditorService;
  notifier: PromotionNotifier;
  /** Checks a promotion's target after its rollout, when the target configures verification. */
  verifier: PromotionVerifier;
  logger: LoggerService;
  /** Credentials the background engine reads the catalog with. */
  serviceCredentials: () => Promise<BackstageCredentials>;
  /** Identifies this backend instance in execution leases. */
  instanceId: string;
  now: () => Date;
  /** Asks GitOps agents to sync now, where config turns the nudge on; absent: never. */
  agentRefresher?: Pick<AgentRefresher, 'refresh'>;
};

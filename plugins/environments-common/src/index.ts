/**
 * Wire types, permissions and annotation names shared by the Stageline environments plugins.
 *
 * @packageDocumentation
 */

export { STAGELINE_ANNOTATIONS } from './annotations';
export { OVERLAY_OWNER_FILE } from './gitops/overlayOwner';
export type { OverlayOwner } from './gitops/overlayOwner';
export { WORKFLOW_DISPATCH_INPUTS } from './gitops/workflowDispatchInputs';
export type { WorkflowDispatchInput } from './gitops/workflowDispatchInputs';
export {
  environmentsPermissions,
  environmentsReadPermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsApprovePermission,
  environmentsRollbackPermission,
  environmentsPromoteBreakGlassPermission,
  environmentsPreviewDeletePermission,
} from './permissions';
export type { ImageReference } from './images/ImageReference';
export type { CommitSummary, VersionDiffResponse } from './commits/types';
export type {
  HealthStatus,
  LiveState,
  ReplicaCounts,
  RolloutStatus,
  WorkloadState,
} from './live/types';
export type { MigrationPhase, MigrationState } from './live/MigrationState';
export type {
  DesiredState,
  EnvironmentDefinition,
  EnvironmentError,
  EnvironmentState,
  EnvironmentsResponse,
  InFlightChange,
  SyncStatus,
} from './environments/types';
export type { PreviewEnvironment, PreviewsResponse } from './previews/types';
export type {
  ApprovalDecision,
  ExecutionMode,
  Promotion,
  PromotionLinks,
  PromotionState,
  PromotionWait,
  PromotionBreakGlass,
} from './promotions/types';
export type {
  GateId,
  GateResult,
  PromotionReadiness,
} from './promotions/readinessTypes';
export type {
  HistoryEvent,
  PromotionDetail,
  VerificationCheckResult,
  PromotionEvent,
  PromotionEventsPage,
  PromotionsResponse,
  ServiceHistoryPage,
} from './promotions/eventTypes';
export type {
  ApprovalRequest,
  PromotionRequest,
  PromotionSchedule,
} from './promotions/requestTypes';
export type {
  GitOpsAgentKind,
  GitOpsAgentStatus,
  GitOpsAgentSync,
} from './agents/agentStatus';
export type {
  AwaitingAcknowledgement,
  AwaitingAcknowledgementsResponse,
  AwaitingApproval,
  AwaitingApprovalsResponse,
  FleetEnvironment,
  FleetLag,
  FleetPromotion,
  FleetQuery,
  FleetResponse,
  FleetService,
  FleetStateFilter,
} from './fleet/fleet';
export type { DeliveryMetrics, DeliveryMetricsWeek } from './metrics/metrics';
export { isRollbackCandidate } from './promotions/isRollbackCandidate';
export {
  BREAK_GLASS_BYPASSED_GATES,
  isBypassedByBreakGlass,
} from './promotions/breakGlassBypassedGates';
export {
  promotionBranch,
  promotionBranchPrefix,
} from './gitops/promotionBranch';
export { DNS1123_LABEL, isDns1123Label } from './names/dns1123Label';
export { sameImageReference, sameVersion } from './images/sameVersion';
export { formatDuration } from './time/formatDuration';
export { ImageReferenceError } from './images/ImageReferenceError';
export { parseImageReference } from './images/parseImageReference';
export { formatImageReference } from './images/formatImageReference';
export { isValidTag } from './images/isValidTag';
export { isValidDigest } from './images/isValidDigest';
export { shortDigest } from './images/shortDigest';
export { shortVersion } from './images/shortVersion';
export type { KustomizeImage } from './kustomize/KustomizeImage';
export { KustomizationError } from './kustomize/KustomizationError';
export { KUSTOMIZATION_MAX_BYTES } from './kustomize/KUSTOMIZATION_MAX_BYTES';
export { parseKustomizationImages } from './kustomize/parseKustomizationImages';
export { resolveOverlayImage } from './kustomize/resolveOverlayImage';
export { setKustomizationImage } from './kustomize/setKustomizationImage';
export type { KustomizationImageEdit } from './kustomize/setKustomizationImage';
export type { LabelRequirement } from './labels/LabelRequirement';
export { LabelSelectorError } from './labels/LabelSelectorError';
export { parseLabelSelector } from './labels/parseLabelSelector';
export { matchesLabelRequirements } from './labels/matchesLabelRequirements';

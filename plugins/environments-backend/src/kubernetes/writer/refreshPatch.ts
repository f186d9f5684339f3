import type { GitOpsAgentKind } from '@stageline/plugin-environments-common';

/** The annotation Argo CD reads as "compare with Git now" (a normal, not hard, refresh). */
export const ARGO_CD_REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
/** The annotation Flux reads as "reconcile now" when its value changes. */
export const FLUX_REQUESTED_AT_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';

/** The JSON merge patch that asks an agent to sync now: exactly one annotation, nothing else. */
export function refreshPatch(
  kind: GitOpsAgentKind,
  now: Date,
): { metadata: { annotations: Record<string, string> } } {
  const annotations: Record<string, string> =
    kind === 'argo-cd'
      ? { [ARGO_CD_REFRESH_ANNOTATION]: 'normal' }
      : { [FLUX_REQUESTED_AT_ANNOTATION]: now.toISOString() };
  return { metadata: { annotations } };
}

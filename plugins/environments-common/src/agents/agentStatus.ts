/**
 * Which GitOps agent applies an environment's overlay: an Argo CD Application or a Flux
 * Kustomization.
 *
 * @public
 */
export type GitOpsAgentKind = 'argo-cd' | 'flux';

/**
 * What the agent says about the environment: `synced` (it applied what Git declares),
 * `out-of-sync` (Git and the cluster differ and it has not applied the difference yet),
 * `syncing` (an apply is running), `sync-failed` (its last apply failed) or `unknown`.
 *
 * @public
 */
export type GitOpsAgentSync =
  | 'synced'
  | 'out-of-sync'
  | 'syncing'
  | 'sync-failed'
  | 'unknown';

/**
 * The GitOps agent of one environment, as its own object reports it (Argo CD Application
 * status, or Flux Kustomization status), read from the watch cache.
 *
 * @public
 */
export type GitOpsAgentStatus = {
  kind: GitOpsAgentKind;
  /** The Application or Kustomization. */
  name: string;
  namespace: string;
  /** The cluster the agent's object lives on (Argo CD may run beside the workloads' cluster). */
  cluster: string;
  sync: GitOpsAgentSync;
  /** The commit (SHA) of the GitOps repository the agent last applied. */
  appliedRevision?: string;
  /** When that apply finished (ISO 8601), when the agent says. */
  appliedAt?: string;
  /** The agent's health word: Argo CD `Healthy`, `Progressing`, `Degraded`, ...; Flux `Ready`, `NotReady`. */
  health?: string;
  /** The current or last operation: Argo CD's `operationState`, Flux's `Ready` condition. */
  operation?: { phase: string; message?: string; finishedAt?: string };
  /** The agent's message when its last sync failed. */
  lastSyncError?: string;
  /** The Application in the Argo CD UI, when `uiBaseUrl` is configured. */
  url?: string;
};

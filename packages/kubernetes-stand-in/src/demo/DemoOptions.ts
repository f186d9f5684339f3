/** Settings of the demo cluster; see {@link readDemoOptions} for the environment variables. */
export type DemoOptions = {
  port: number;
  token: string;
  /** Bare GitOps repository whose overlays the sync loop follows. */
  gitDir: string;
  branch: string;
  syncIntervalMs: number;
  /** How long new pods stay not ready during a rollout. */
  rolloutMs: number;
  /** How long the demo's Argo CD Applications stay out of sync after Git moves. */
  agentSyncDelayMs: number;
  /** Port (on 127.0.0.1) of the health endpoints verification checks call. */
  healthPort: number;
};

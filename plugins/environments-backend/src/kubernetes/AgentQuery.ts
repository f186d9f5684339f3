import type { GitOpsAgentKind } from '@stageline/plugin-environments-common';

/** Where an environment's overlay comes from and goes to: what its agent object must name. */
export type AgentMatch = {
  /** The GitOps repository's identities (`host/owner/repo`, or a remote URL), any of which may match. */
  repositories: string[];
  /** The overlay folder inside the repository, e.g. `k8s/overlays/qa`. */
  path: string;
  /** The environment's namespace (Argo CD destination, Flux target namespace). */
  namespace: string;
};

/** Which agent object reports on one environment, on which cluster. */
export type AgentQuery = {
  /** The cluster the agent's objects live on: the environment's, or the configured agent cluster. */
  cluster: string;
  /** Named in config: this object and no other. */
  named?: { kind: GitOpsAgentKind; name: string; namespace: string };
  /** Else: the one object whose source and destination are the environment's. */
  match: AgentMatch;
  /** Argo CD UI base URL, for the link to the Application. */
  argoCdUiBaseUrl?: string;
};

import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import type { Environment } from '../config/Environment';
import type { GitopsAgentsConfig } from '../config/readGitopsAgentsConfig';
import type { RepositoryLocation } from '../gitops/types';
import type { AgentQuery } from '../kubernetes/AgentQuery';

/**
 * Where to look for an environment's GitOps agent: the object config names, else the one whose
 * source is the GitOps repository's overlay folder and whose destination is its namespace, on
 * the configured agent cluster or the environment's own. Undefined without a cluster.
 */
export function agentQueryFor(input: {
  env: EnvironmentDefinition;
  configured: Environment | undefined;
  agents: GitopsAgentsConfig;
  cluster: string | undefined;
  overlayPath: string;
  repository: RepositoryLocation | undefined;
}): AgentQuery | undefined {
  const { env, configured, agents, repository } = input;
  const named = configured?.agent;
  // Flux runs beside the workloads; Argo CD may run in a management cluster.
  const cluster =
    named?.cluster ??
    (named?.kind === 'flux'
      ? input.cluster
      : agents.argoCd.cluster ?? input.cluster);
  if (!cluster) return undefined;
  return {
    cluster,
    ...(named && {
      named: { kind: named.kind, name: named.name, namespace: named.namespace },
    }),
    match: {
      repositories: repository ? identitiesOf(repository) : [],
      path: input.overlayPath,
      namespace: env.namespace,
    },
    argoCdUiBaseUrl: named?.uiBaseUrl ?? agents.argoCd.uiBaseUrl,
  };
}

function identitiesOf(location: RepositoryLocation): string[] {
  if (location.type === 'git') return [location.url];
  return [`${location.host}/${location.owner}/${location.repo}`];
}

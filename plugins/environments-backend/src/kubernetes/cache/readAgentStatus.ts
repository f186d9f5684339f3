import type { GitOpsAgentStatus } from '@stageline/plugin-environments-common';
import type { ClusterIndexes } from './ClusterIndexes';
import type { AgentQuery } from '../AgentQuery';
import { argoCdAgentStatus } from '../agents/argoCdAgentStatus';
import { fluxAgentStatus } from '../agents/fluxAgentStatus';
import { samePath, sameRepository } from '../agents/sameRepository';

/**
 * The agent object reporting on one environment, from the cache: the one config names, else
 * the one Application (same repository, path and destination namespace) or Kustomization (same
 * path and target namespace). Undefined when none matches.
 *
 * @throws Error naming the candidates when several match, or when the named one is missing.
 */
export function readAgentStatus(
  indexes: ClusterIndexes,
  query: AgentQuery,
): GitOpsAgentStatus | undefined {
  const { cluster, named, match } = query;
  if (named) return readNamed(indexes, query, named);
  const apps = indexes.applications
    .all()
    .filter(
      a =>
        a.spec.destination.namespace === match.namespace &&
        a.spec.sources.some(
          s =>
            samePath(s.path, match.path) &&
            sameRepository(s.repoURL, match.repositories),
        ),
    );
  // A Kustomization names its source by GitRepository object, not URL: path and namespace decide.
  const kustomizations = indexes.kustomizations
    .all()
    .filter(
      k =>
        k.spec.targetNamespace === match.namespace &&
        samePath(k.spec.path, match.path),
    );
  const candidates = [
    ...apps.map(a => `Application ${a.metadata.namespace}/${a.metadata.name}`),
    ...kustomizations.map(
      k => `Kustomization ${k.metadata.namespace}/${k.metadata.name}`,
    ),
  ];
  if (candidates.length > 1) {
    throw new Error(
      `several GitOps agent objects on cluster '${cluster}' apply ${
        match.path
      } to ${match.namespace} (${candidates
        .sort()
        .join(', ')}); name one in the environment's agent config`,
    );
  }
  if (apps[0])
    return argoCdAgentStatus(apps[0], cluster, query.argoCdUiBaseUrl);
  if (kustomizations[0]) return fluxAgentStatus(kustomizations[0], cluster);
  return undefined;
}

function readNamed(
  indexes: ClusterIndexes,
  query: AgentQuery,
  named: NonNullable<AgentQuery['named']>,
): GitOpsAgentStatus {
  const isNamed = (o: { metadata: { name: string } }) =>
    o.metadata.name === named.name;
  if (named.kind === 'argo-cd') {
    const app = indexes.applications.inNamespace(named.namespace).find(isNamed);
    if (app)
      return argoCdAgentStatus(app, query.cluster, query.argoCdUiBaseUrl);
  } else {
    const ks = indexes.kustomizations
      .inNamespace(named.namespace)
      .find(isNamed);
    if (ks) return fluxAgentStatus(ks, query.cluster);
  }
  const what =
    named.kind === 'argo-cd' ? 'Argo CD Application' : 'Flux Kustomization';
  throw new Error(
    `${what} '${named.namespace}/${named.name}' is not on cluster '${query.cluster}'`,
  );
}

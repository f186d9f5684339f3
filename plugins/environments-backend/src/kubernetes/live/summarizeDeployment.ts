import type { WorkloadState } from '@stageline/plugin-environments-common';
import type { DeploymentObject } from '../objectTypes';
import { currentReplicaSet } from './currentReplicaSet';
import { deploymentHealthySince } from './deploymentHealthySince';
import { deploymentRollout } from './deploymentRollout';
import { detectProblems } from './detectProblems';
import { isOwnedBy } from './isOwnedBy';
import { primaryContainer } from './primaryContainer';
import type { WorkloadInputs } from './WorkloadInputs';
import { workloadHealth } from './workloadHealth';
import { replicaCounts, workloadState } from './workloadState';

/** One Deployment with its ReplicaSets and their pods, as the UI shows it. */
export function summarizeDeployment(
  deployment: DeploymentObject,
  inputs: WorkloadInputs,
): WorkloadState {
  const name = deployment.metadata.name;
  const replicaSets = inputs.replicaSets.filter(rs =>
    isOwnedBy(rs, 'Deployment', name),
  );
  const rsNames = new Set(replicaSets.map(rs => rs.metadata.name));
  const pods = inputs.pods.filter(p => isOwnedBy(p, 'ReplicaSet', rsNames));
  const container = primaryContainer(deployment, inputs.primaryImage);
  const status = deployment.status;
  const replicas = replicaCounts(deployment);
  const rollout = deploymentRollout(deployment);
  const { health, reasons } = workloadHealth({
    rollout,
    replicas,
    problems: detectProblems({ pods, deployments: [deployment] }),
    rolloutMessage: status?.conditions?.find(c => c.type === 'Progressing')
      ?.message,
  });
  const since = currentReplicaSet(replicaSets)?.metadata.creationTimestamp;
  const healthySince = deploymentHealthySince({
    health,
    conditions: status?.conditions,
    since,
  });
  return workloadState(
    {
      kind: 'Deployment',
      name,
      replicas,
      rollout,
      since,
      healthySince,
      health,
      reasons,
    },
    pods,
    container,
  );
}

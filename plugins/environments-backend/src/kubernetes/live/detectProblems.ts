import {
  detectErrors,
  type DetectedError,
  type ObjectsByEntityResponse,
} from '@backstage/plugin-kubernetes-common';
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import type { DeploymentObject, PodObject } from '../objectTypes';
import type { WorkloadProblem } from './WorkloadProblem';

const CLUSTER = 'stageline';

/**
 * Problems found by the Kubernetes plugin's own `detectErrors`, so Stageline and the Kubernetes
 * tab agree on CrashLoopBackOff, ImagePullBackOff, failing readiness and false conditions.
 * Restart counts alone are not problems here: `restarts` reports them.
 */
export function detectProblems(input: {
  pods: PodObject[];
  deployments: DeploymentObject[];
}): WorkloadProblem[] {
  const response: ObjectsByEntityResponse = {
    items: [
      {
        cluster: { name: CLUSTER },
        // detectErrors reads times as ISO strings, as in the JSON Backstage fetches: our slices.
        resources: [
          {
            type: 'pods',
            resources: input.pods.map(withSpecs) as unknown as V1Pod[],
          },
          {
            type: 'deployments',
            resources: input.deployments as unknown as V1Deployment[],
          },
        ],
        podMetrics: [],
        errors: [],
      },
    ],
  };
  return (detectErrors(response).get(CLUSTER) ?? [])
    .filter(e => e.type !== 'containers-restarting')
    .map(toProblem);
}

// detectErrors throws on a container status without a matching container spec.
function withSpecs(pod: PodObject): PodObject {
  const names = new Set((pod.spec?.containers ?? []).map(c => c.name));
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.every(s => names.has(s.name))) return pod;
  return {
    ...pod,
    status: {
      ...pod.status,
      containerStatuses: statuses.filter(s => names.has(s.name)),
    },
  };
}

function toProblem(error: DetectedError): WorkloadProblem {
  const { kind, name } = error.sourceRef;
  const errorType = error.proposedFix?.errorType;
  const detail = error.message;
  if (kind !== 'Pod') return { source: 'workload', message: detail, detail };
  return {
    source: 'pod',
    message: `Pod ${name}: ${errorType ? `${errorType}: ` : ''}${detail}`,
    detail,
  };
}

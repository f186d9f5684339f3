import type { V1Job } from '@kubernetes/client-node';
import type { JobObject } from '../../jobObjectTypes';
import { projectPodTemplate } from './projectContainers';
import { projectMeta } from './projectMeta';
import { toKubernetesTime } from './toKubernetesTime';

// Suspended, FailureTarget, SuccessCriteriaMet: progress the migration view does not need.
const KEPT_CONDITIONS = new Set(['Complete', 'Failed']);

/** The slice of a Job the cache keeps: images, Complete/Failed, counts and times. */
export function projectJob(job: V1Job): JobObject {
  const status = job.status;
  const startTime = toKubernetesTime(status?.startTime);
  const completionTime = toKubernetesTime(status?.completionTime);
  return {
    metadata: projectMeta(job.metadata),
    spec: {
      template: projectPodTemplate(job.spec?.template),
    },
    status: {
      active: status?.active ?? 0,
      succeeded: status?.succeeded ?? 0,
      failed: status?.failed ?? 0,
      ...(startTime && { startTime }),
      ...(completionTime && { completionTime }),
      conditions: (status?.conditions ?? [])
        .filter(c => KEPT_CONDITIONS.has(c.type))
        .map(c => ({
          type: c.type,
          status: c.status,
          reason: c.reason,
          message: c.message,
          lastTransitionTime: toKubernetesTime(c.lastTransitionTime),
        })),
    },
  };
}

import type { Condition, ObjectMeta, PodTemplate } from './objectTypes';

/**
 * The slice of a batch/v1 Job the cluster cache keeps: its pod template's images, its
 * Complete/Failed conditions, pod counts and times. Nothing else of the spec (no env, no args).
 */
export type JobObject = {
  metadata: ObjectMeta;
  spec?: { template?: PodTemplate };
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    startTime?: string;
    completionTime?: string;
    /** Only `Complete` and `Failed`, with reason and message. */
    conditions?: Condition[];
  };
};

import type {
  MigrationPhase,
  MigrationState,
} from '@stageline/plugin-environments-common';
import type { JobObject } from '../jobObjectTypes';
import type { Condition, PodObject } from '../objectTypes';
import { parseImage } from './parseImage';

/** The label that marks a Job of the service as its migrations step. */
export const MIGRATIONS_STEP_LABEL = 'stageline.io/step';

/**
 * The service's newest migrations Job in a namespace: among its Jobs, those labelled
 * `stageline.io/step: migrations` or whose pod template runs the service's image. `podsOf` gives
 * a Job's pods (already in the cache), for the newest pod's termination message.
 */
export function summarizeMigration(input: {
  jobs: JobObject[];
  podsOf: (job: string) => PodObject[];
  /** Image name of the service (`stageline.io/image`, else its primary workload's). */
  imageName?: string;
}): MigrationState | undefined {
  const { imageName } = input;
  const imagesOf = (job: JobObject) =>
    (job.spec?.template?.spec?.containers ?? []).map(c => parseImage(c.image));
  const migrations = input.jobs.filter(
    job =>
      job.metadata.labels?.[MIGRATIONS_STEP_LABEL] === 'migrations' ||
      (imageName !== undefined &&
        imagesOf(job).some(i => i?.name === imageName)),
  );
  const newest = migrations.sort((a, b) =>
    createdAt(b).localeCompare(createdAt(a)),
  )[0];
  if (!newest) return undefined;
  const images = imagesOf(newest);
  const image = images.find(i => i?.name === imageName) ?? images[0];
  const phase = phaseOf(newest);
  const status = newest.status;
  const message =
    phase === 'failed'
      ? failureMessage(newest, input.podsOf(newest.metadata.name))
      : undefined;
  return {
    job: newest.metadata.name,
    ...(image && { image }),
    phase,
    ...(message && { message }),
    ...(status?.startTime && { startedAt: status.startTime }),
    ...(status?.completionTime && { completedAt: status.completionTime }),
  };
}

function createdAt(job: JobObject): string {
  return job.metadata.creationTimestamp ?? job.status?.startTime ?? '';
}

function condition(job: JobObject, type: string): Condition | undefined {
  return job.status?.conditions?.find(
    c => c.type === type && c.status === 'True',
  );
}

function phaseOf(job: JobObject): MigrationPhase {
  if (condition(job, 'Failed')) return 'failed';
  if (condition(job, 'Complete')) return 'succeeded';
  return (job.status?.active ?? 0) > 0 ? 'running' : 'pending';
}

/** The Failed condition's reason and message, then the newest pod's termination message. */
function failureMessage(job: JobObject, pods: PodObject[]): string {
  const failed = condition(job, 'Failed');
  const jobMessage = [failed?.reason, failed?.message]
    .filter(Boolean)
    .join(': ');
  const newestPod = [...pods].sort((a, b) =>
    (b.metadata.creationTimestamp ?? '').localeCompare(
      a.metadata.creationTimestamp ?? '',
    ),
  )[0];
  const podMessage = newestPod?.status?.containerStatuses
    ?.map(s => s.state?.terminated?.message ?? s.lastState?.terminated?.message)
    .find(Boolean);
  return (
    [jobMessage, podMessage].filter(Boolean).join('; last pod: ') ||
    'the Job failed'
  );
}

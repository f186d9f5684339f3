import type { ImageReference } from '../images/ImageReference';

/**
 * Progress of a migrations Job: created but no pod active yet, a pod running, finished.
 *
 * @public
 */
export type MigrationPhase = 'pending' | 'running' | 'succeeded' | 'failed';

/**
 * The service's newest migrations Job in an environment: a Job labelled for the service that is
 * labelled `stageline.io/step: migrations` or whose pod template runs the service's image. A
 * promotion counts its target healthy only once the Job for the promoted version succeeded.
 *
 * @public
 */
export type MigrationState = {
  /** The Job's name. */
  job: string;
  /** Image of its pod template (the service's image when it has one). */
  image?: ImageReference;
  phase: MigrationPhase;
  /** Why it failed: the Job's Failed condition and its newest pod's termination message. */
  message?: string;
  startedAt?: string;
  completedAt?: string;
};

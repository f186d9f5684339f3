import type { V1ContainerState } from '@kubernetes/client-node';
import type { ContainerState } from '../../objectTypes';
import { toKubernetesTime } from './toKubernetesTime';

/**
 * Waiting reason and message, running start, terminated reason and exit code; the terminated
 * message (the container's termination log) only with `keepTerminatedMessage` (pods of Jobs: a
 * failed migration's last words).
 */
export function projectContainerState(
  state: V1ContainerState | undefined,
  keepTerminatedMessage = false,
): ContainerState | undefined {
  if (!state) return undefined;
  const { waiting, running, terminated } = state;
  return {
    ...(waiting && {
      waiting: { reason: waiting.reason, message: waiting.message },
    }),
    ...(running && {
      running: { startedAt: toKubernetesTime(running.startedAt) },
    }),
    ...(terminated && {
      terminated: {
        reason: terminated.reason,
        exitCode: terminated.exitCode,
        ...(keepTerminatedMessage &&
          terminated.message && { message: terminated.message }),
      },
    }),
  };
}

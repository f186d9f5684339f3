import type { V1ContainerState } from '@kubernetes/client-node';
import type { ContainerState } from '../../objectTypes';
import { toKubernetesTime } from './toKubernetesTime';

/** Waiting reason and message, running start, terminated reason and exit code. */
export function projectContainerState(
  state: V1ContainerState | undefined,
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
        ...(terminated.message && { message: terminated.message }),
      },
    }),
  };
}

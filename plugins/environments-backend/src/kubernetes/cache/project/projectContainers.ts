import type { V1Container } from '@kubernetes/client-node';
import type { ContainerSpec } from '../../objectTypes';

/** Container name, image and readiness timing; never env, envFrom, args or mounts. */
export function projectContainers(
  containers: V1Container[] | undefined,
): ContainerSpec[] {
  return (containers ?? []).map(c => {
    const probe = c.readinessProbe;
    return {
      name: c.name,
      ...(c.image && { image: c.image }),
      ...(probe && {
        readinessProbe: {
          initialDelaySeconds: probe.initialDelaySeconds,
          periodSeconds: probe.periodSeconds,
          failureThreshold: probe.failureThreshold,
        },
      }),
    };
  });
}

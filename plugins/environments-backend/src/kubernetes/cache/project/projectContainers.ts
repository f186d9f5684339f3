import type { V1Container, V1PodTemplateSpec } from '@kubernetes/client-node';
import type { ContainerSpec, PodTemplate } from '../../objectTypes';

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

/** A workload's pod template as the cache keeps it: its containers only. */
export function projectPodTemplate(
  template: V1PodTemplateSpec | undefined,
): PodTemplate {
  return {
    spec: { containers: projectContainers(template?.spec?.containers) },
  };
}

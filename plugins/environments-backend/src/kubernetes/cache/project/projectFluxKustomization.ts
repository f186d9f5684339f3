import type { KubernetesObject } from '@kubernetes/client-node';
import { projectMeta } from './projectMeta';
import { toKubernetesTime } from './toKubernetesTime';
import type { FluxKustomizationObject } from '../../agentObjectTypes';

type Raw = KubernetesObject & { spec?: unknown; status?: unknown };

/** Path, target namespace, source and the Ready condition of a Flux Kustomization. */
export function projectFluxKustomization(ks: Raw): FluxKustomizationObject {
  const spec = record(ks.spec);
  const status = record(ks.status);
  const sourceRef = record(spec.sourceRef);
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  const ready = conditions.map(record).find(c => c.type === 'Ready');
  return {
    metadata: projectMeta(ks.metadata),
    spec: {
      path: text(spec.path),
      targetNamespace: text(spec.targetNamespace),
      sourceRef: {
        kind: text(sourceRef.kind),
        name: text(sourceRef.name),
        namespace: text(sourceRef.namespace),
      },
    },
    status: {
      ...(ready && {
        ready: {
          status: text(ready.status),
          reason: text(ready.reason),
          message: text(ready.message),
          lastTransitionTime: toKubernetesTime(text(ready.lastTransitionTime)),
        },
      }),
      lastAppliedRevision: text(status.lastAppliedRevision),
      lastAttemptedRevision: text(status.lastAttemptedRevision),
    },
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

import type { KubernetesObject } from '@kubernetes/client-node';
import { projectMeta } from './projectMeta';
import { toKubernetesTime } from './toKubernetesTime';
import type { ArgoApplicationObject } from '../../agentObjectTypes';

type Raw = KubernetesObject & { spec?: unknown; status?: unknown };

/** Sources, destination and status of an Argo CD Application; nothing else (no Helm values). */
export function projectArgoApplication(app: Raw): ArgoApplicationObject {
  const spec = record(app.spec);
  const status = record(app.status);
  const sources = [
    ...(spec.source ? [spec.source] : []),
    ...(Array.isArray(spec.sources) ? spec.sources : []),
  ].map(s => ({
    repoURL: text(record(s).repoURL),
    path: text(record(s).path),
  }));
  const destination = record(spec.destination);
  const sync = record(status.sync);
  const health = record(status.health);
  const operation = status.operationState
    ? record(status.operationState)
    : undefined;
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  return {
    metadata: projectMeta(app.metadata),
    spec: {
      sources,
      destination: {
        namespace: text(destination.namespace),
        server: text(destination.server),
        name: text(destination.name),
      },
    },
    status: {
      sync: { status: text(sync.status), revision: text(sync.revision) },
      health: { status: text(health.status), message: text(health.message) },
      ...(operation && {
        operationState: {
          phase: text(operation.phase),
          message: text(operation.message),
          startedAt: toKubernetesTime(text(operation.startedAt)),
          finishedAt: toKubernetesTime(text(operation.finishedAt)),
          syncResult: { revision: text(record(operation.syncResult).revision) },
        },
      }),
      conditions: conditions
        .map(c => record(c))
        .filter(c => typeof c.type === 'string')
        .map(c => ({ type: c.type as string, message: text(c.message) })),
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

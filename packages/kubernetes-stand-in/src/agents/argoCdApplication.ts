import type { StandInObject } from '../StandInObject';

/** What an Argo CD Application reports, in Argo CD's own words. */
export type ArgoCdApplicationState = {
  /** `.status.sync.status`: `Synced`, `OutOfSync` or `Unknown`. */
  sync: 'Synced' | 'OutOfSync' | 'Unknown';
  /** `.status.sync.revision`: the commit the live state was compared with. */
  revision?: string;
  /** `.status.health.status`. */
  health:
    | 'Healthy'
    | 'Progressing'
    | 'Degraded'
    | 'Suspended'
    | 'Missing'
    | 'Unknown';
  /** `.status.operationState` of the last (or running) sync. */
  operation?: {
    phase: 'Running' | 'Succeeded' | 'Failed' | 'Error' | 'Terminating';
    message?: string;
    startedAt: string;
    finishedAt?: string;
    /** `.status.operationState.syncResult.revision`: the commit that sync applied. */
    revision?: string;
  };
  /** `.status.conditions`, e.g. `{ type: 'SyncError', message }`. */
  conditions?: Array<{ type: string; message: string }>;
};

/**
 * An `argoproj.io/v1alpha1` Application with the status shape of Argo CD's CRD
 * (`.status.sync`, `.status.health`, `.status.operationState`, `.status.conditions`).
 */
export function argoCdApplication(input: {
  name: string;
  /** Where Argo CD runs, usually `argocd`. */
  namespace: string;
  repoURL: string;
  path: string;
  destinationNamespace: string;
  /** `.spec.destination.server`; the in-cluster API server by default. */
  destinationServer?: string;
  state: ArgoCdApplicationState;
}): StandInObject {
  const { state } = input;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: input.name, namespace: input.namespace },
    spec: {
      project: 'default',
      source: {
        repoURL: input.repoURL,
        path: input.path,
        targetRevision: 'HEAD',
      },
      destination: {
        server: input.destinationServer ?? 'https://kubernetes.default.svc',
        namespace: input.destinationNamespace,
      },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status: {
      sync: {
        status: state.sync,
        ...(state.revision && { revision: state.revision }),
        comparedTo: {
          source: {
            repoURL: input.repoURL,
            path: input.path,
            targetRevision: 'HEAD',
          },
          destination: {
            server: input.destinationServer ?? 'https://kubernetes.default.svc',
            namespace: input.destinationNamespace,
          },
        },
      },
      health: { status: state.health },
      ...(state.operation && {
        operationState: {
          phase: state.operation.phase,
          ...(state.operation.message && { message: state.operation.message }),
          startedAt: state.operation.startedAt,
          ...(state.operation.finishedAt && {
            finishedAt: state.operation.finishedAt,
          }),
          operation: { sync: { revision: state.operation.revision } },
          ...(state.operation.revision && {
            syncResult: {
              revision: state.operation.revision,
              source: { repoURL: input.repoURL, path: input.path },
              resources: [],
            },
          }),
        },
      }),
      ...(state.conditions && {
        conditions: state.conditions.map(c => ({
          ...c,
          lastTransitionTime: state.operation?.startedAt,
        })),
      }),
    },
  };
}

import type { StandInObject } from '../StandInObject';

/** What a Flux Kustomization reports, in Flux's own words. */
export type FluxKustomizationState = {
  /** The `Ready` condition. */
  ready: {
    status: 'True' | 'False' | 'Unknown';
    /** e.g. `ReconciliationSucceeded`, `ReconciliationFailed`, `Progressing`. */
    reason: string;
    message: string;
    lastTransitionTime: string;
  };
  /** `.status.lastAppliedRevision`, e.g. `main@sha1:<sha>`. */
  lastAppliedRevision?: string;
  /** `.status.lastAttemptedRevision`. */
  lastAttemptedRevision?: string;
};

/**
 * A `kustomize.toolkit.fluxcd.io/v1` Kustomization with the status shape of Flux's CRD
 * (`.status.conditions`, `.status.lastAppliedRevision`, `.status.lastAttemptedRevision`).
 */
export function fluxKustomization(input: {
  name: string;
  namespace: string;
  /** `.spec.sourceRef`: the GitRepository holding the overlays. */
  sourceRef: { kind: 'GitRepository'; name: string; namespace?: string };
  /** `.spec.path`, e.g. `./k8s/overlays/qa`. */
  path: string;
  targetNamespace: string;
  state: FluxKustomizationState;
}): StandInObject {
  const { state } = input;
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: input.name, namespace: input.namespace },
    spec: {
      interval: '10m',
      path: input.path,
      prune: true,
      sourceRef: input.sourceRef,
      targetNamespace: input.targetNamespace,
    },
    status: {
      observedGeneration: 1,
      conditions: [{ type: 'Ready', ...state.ready }],
      ...(state.lastAppliedRevision && {
        lastAppliedRevision: state.lastAppliedRevision,
      }),
      ...(state.lastAttemptedRevision && {
        lastAttemptedRevision: state.lastAttemptedRevision,
      }),
    },
  };
}

import type { ObjectMeta } from './objectTypes';

/** The slice of an Argo CD Application the cache keeps: where it applies from and to, and its status. */
export type ArgoApplicationObject = {
  metadata: ObjectMeta;
  spec: {
    /** `spec.source`, or each of `spec.sources`. */
    sources: Array<{ repoURL?: string; path?: string }>;
    destination: { namespace?: string; server?: string; name?: string };
  };
  status: {
    sync?: { status?: string; revision?: string };
    health?: { status?: string; message?: string };
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      syncResult?: { revision?: string };
    };
    conditions: Array<{ type: string; message?: string }>;
  };
};

/** The slice of a Flux Kustomization the cache keeps. */
export type FluxKustomizationObject = {
  metadata: ObjectMeta;
  spec: {
    path?: string;
    targetNamespace?: string;
    sourceRef?: { kind?: string; name?: string; namespace?: string };
  };
  status: {
    ready?: {
      status?: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    };
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
  };
};

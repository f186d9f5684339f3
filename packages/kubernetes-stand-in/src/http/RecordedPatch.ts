/** A PATCH the stand-in served, as the client sent it. */
export type RecordedPatch = {
  /** Request path, e.g. `/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/qa`. */
  path: string;
  contentType: string;
  body: Record<string, unknown>;
};

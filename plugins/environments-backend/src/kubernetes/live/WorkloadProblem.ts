/** Something wrong with a workload or its pods, as the Kubernetes tab would flag it. */
export type WorkloadProblem = {
  /** Pod problems (crashing, image pull, readiness) always degrade health. */
  source: 'pod' | 'workload';
  /** Human text; names the pod, e.g. `Pod checkout-1: CrashLoopBackOff: back-off ...`. */
  message: string;
  /** The Kubernetes message alone. */
  detail: string;
};

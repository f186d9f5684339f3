/** One verification check's verdict, with a reason a person can act on. */
export type CheckResult = {
  /** What was checked, e.g. `workloads`, `GET /health`, `prometheus error-rate`. */
  check: string;
  passed: boolean;
  reason: string;
  /** When it was checked, ISO 8601. */
  at: string;
};

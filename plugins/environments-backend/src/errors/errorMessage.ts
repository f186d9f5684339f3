/** The message of anything thrown, for per-environment errors that must not fail a page. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

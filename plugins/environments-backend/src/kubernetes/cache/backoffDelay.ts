/** Exponential backoff: `initialMs` doubled per failure after the first, capped at `maxMs`. */
export function backoffDelay(
  failures: number,
  options: { initialMs: number; maxMs: number },
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(options.initialMs * 2 ** exponent, options.maxMs);
}

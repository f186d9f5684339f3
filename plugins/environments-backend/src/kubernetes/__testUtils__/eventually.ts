/** Retries an assertion until it passes or `timeoutMs` runs out (then throws its last error). */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
}

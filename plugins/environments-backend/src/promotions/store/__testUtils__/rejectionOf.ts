/**
 * What a promise rejected with, or undefined when it resolved. Tests check driver errors by
 * message: better-sqlite3 builds its errors in the realm of the first test file that loaded it,
 * so in later files they are not `instanceof Error` and `rejects.toThrow` misreads them.
 */
export async function rejectionOf(
  promise: PromiseLike<unknown>,
): Promise<{ message?: string } | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error ?? {}) as { message?: string };
  }
}

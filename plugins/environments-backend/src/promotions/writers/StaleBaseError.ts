/**
 * Internal: the expected base (blob or commit SHA) moved between read and write. The writers
 * catch it to re-read and retry; after the last attempt it becomes a ConflictError.
 */
export class StaleBaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleBaseError';
  }
}

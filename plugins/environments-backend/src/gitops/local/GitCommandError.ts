/**
 * A git command that failed. Internal: its stderr may name URLs or paths, so callers map it
 * to an error of their own before anything reaches a response or a log.
 */
export class GitCommandError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly reason: 'exit' | 'timeout' | 'too-large' | 'spawn',
  ) {
    super(
      `git ${command} failed (${reason}${
        exitCode === null ? '' : ` ${exitCode}`
      })`,
    );
    this.name = 'GitCommandError';
  }
}

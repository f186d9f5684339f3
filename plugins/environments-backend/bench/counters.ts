/**
 * Counters of the environments benchmark: git processes the backend spawns and GitHub requests
 * it makes, each split into work done inside a head check and everything else.
 *
 * Method: a head check is exactly the work SnapshotRepository runs in its single-flight `head`
 * refresh (readHead, and for a new head readTree and readBlobs). The bench wraps
 * `SingleFlight.prototype.run` so that flight runs inside an AsyncLocalStorage context; a git
 * process or GitHub request started anywhere in that async call tree (even after awaits, or in a
 * nested cache flight it started) is counted as head-check work, whenever it happens relative
 * to the measured window. Per-view figures use only the rest, so a background head check that
 * happens to fall into the measured views neither inflates nor hides per-view reads; head checks
 * themselves are reported separately. A view that joins a head check already in flight makes no
 * request of its own, so nothing is lost that way.
 *
 * Import this module before anything loads the backend: it replaces `child_process.spawn` with
 * a counting wrapper that calls through (runGit calls `spawn` through the module object, so the
 * wrapper sees every call made after this module ran).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { http, type HttpHandler } from 'msw';
import { SingleFlight } from '../src/gitops/SingleFlight';

/** The SingleFlight key of SnapshotRepository's head check. */
const HEAD_FLIGHT = 'head';

const headCheck = new AsyncLocalStorage<true>();

/** Whether the current async context is inside a head check. */
export const inHeadCheck = () => headCheck.getStore() === true;

/** A count of events, split into those inside head checks and the rest, by kind. */
export class Tally {
  total = 0;
  inHeadChecks = 0;
  readonly byKind = new Map<string, number>();

  add(kind: string) {
    this.total++;
    if (inHeadCheck()) this.inHeadChecks++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }

  mark(): TallyMark {
    return {
      total: this.total,
      inHeadChecks: this.inHeadChecks,
      byKind: new Map(this.byKind),
    };
  }

  /** What happened since `mark`. */
  since(mark: TallyMark) {
    const total = this.total - mark.total;
    const inHeadChecks = this.inHeadChecks - mark.inHeadChecks;
    const byKind: Record<string, number> = {};
    for (const [kind, count] of this.byKind) {
      const delta = count - (mark.byKind.get(kind) ?? 0);
      if (delta) byKind[kind] = delta;
    }
    return { total, inHeadChecks, outside: total - inHeadChecks, byKind };
  }
}

export type TallyMark = {
  total: number;
  inHeadChecks: number;
  byKind: Map<string, number>;
};

/** Git processes spawned, by subcommand (`git fetch`, `git cat-file`, ...). */
export const gitProcesses = new Tally();
/** GitHub requests made (API and codeload), by method. */
export const githubRequests = new Tally();

// An import namespace would be a copy; the wrapper must replace the property of the real module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const childProcess: typeof import('node:child_process') = require('node:child_process');

const originalSpawn = childProcess.spawn;
childProcess.spawn = function countingSpawn(this: unknown, ...args: unknown[]) {
  if (args[0] === 'git') {
    const argv = Array.isArray(args[1]) ? (args[1] as string[]) : [];
    // The subcommand: not an option, nor the value of `-c name=value`.
    const command =
      argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '-c') ?? '?';
    gitProcesses.add(`git ${command}`);
  }
  return (originalSpawn as (...a: unknown[]) => unknown).apply(this, args);
} as typeof childProcess.spawn;

const originalRun = SingleFlight.prototype.run;
SingleFlight.prototype.run = function run<T>(
  this: SingleFlight<T>,
  key: string,
  fn: () => Promise<T>,
): Promise<T> {
  return originalRun.call(
    this,
    key,
    key === HEAD_FLIGHT ? () => headCheck.run(true, fn) : fn,
  ) as Promise<T>;
};

/**
 * An msw handler, to put before the GitHub stand-in's, that counts requests to `origins` and
 * falls through (it answers nothing). msw runs it in the caller's async context.
 */
export function countingHandler(origins: string[]): HttpHandler {
  return http.all('*', ({ request }) => {
    if (origins.some(origin => request.url.startsWith(`${origin}/`))) {
      githubRequests.add(request.method);
    }
    return undefined;
  });
}

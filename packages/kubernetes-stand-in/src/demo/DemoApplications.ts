import { argoCdApplication } from '../agents/argoCdApplication';
import type { KubernetesStandIn } from '../KubernetesStandIn';
import type { DemoTarget } from './DemoTarget';

type AppState = {
  applied?: { revision: string; at: string };
  pending?: { revision: string; since: number };
};

/**
 * Plays Argo CD's status for the demo: one Application per target (in namespace `argocd`),
 * `OutOfSync` once Git's tip moves, `Synced` with a succeeded sync of that revision
 * `syncDelayMs` later. The first revision seen is applied at once (the initial sync).
 */
export class DemoApplications {
  readonly #states = new Map<string, AppState>();

  constructor(
    private readonly standIn: Pick<KubernetesStandIn, 'apply'>,
    private readonly options: {
      /** The GitOps repository as the Applications name it. */
      repoURL: string;
      syncDelayMs: number;
      now?: () => number;
    },
  ) {}

  /** Whether the target applies Git's `revision` now (`apply`) or still waits (`wait`). */
  observe(target: DemoTarget, revision: string): 'apply' | 'wait' {
    const now = (this.options.now ?? Date.now)();
    const key = `${target.namespace}/${target.service}`;
    const state = this.#states.get(key) ?? {};
    this.#states.set(key, state);
    if (state.applied?.revision === revision) return 'apply';
    if (state.applied && state.pending?.revision !== revision) {
      state.pending = { revision, since: now };
      this.#write(target, state, revision);
      return 'wait';
    }
    if (
      state.applied &&
      now - state.pending!.since < this.options.syncDelayMs
    ) {
      return 'wait';
    }
    state.applied = { revision, at: new Date(now).toISOString() };
    state.pending = undefined;
    this.#write(target, state, revision);
    return 'apply';
  }

  #write(target: DemoTarget, state: AppState, tip: string) {
    const applied = state.applied;
    const path = target.overlayPath.replace(/\/kustomization\.yaml$/, '');
    this.standIn.apply(
      argoCdApplication({
        name: `${target.service}-${target.namespace}`,
        namespace: 'argocd',
        repoURL: this.options.repoURL,
        path,
        destinationNamespace: target.namespace,
        state: {
          sync: applied?.revision === tip ? 'Synced' : 'OutOfSync',
          revision: tip,
          health: 'Healthy',
          ...(applied && {
            operation: {
              phase: 'Succeeded',
              message: 'successfully synced (all tasks run)',
              startedAt: applied.at,
              finishedAt: applied.at,
              revision: applied.revision,
            },
          }),
        },
      }),
    );
  }
}

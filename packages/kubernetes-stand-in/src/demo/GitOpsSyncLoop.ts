import {
  parseKustomizationImages,
  resolveOverlayImage,
  shortVersion,
} from '@stageline/plugin-environments-common';
import type { DemoApplications } from './DemoApplications';
import type { DemoRollouts } from './DemoRollouts';
import type { DemoTarget } from './DemoTarget';

/** Options of {@link GitOpsSyncLoop}. */
export type GitOpsSyncLoopOptions = {
  targets: DemoTarget[];
  /**
   * Reads a file at `revision` of the GitOps branch (its tip when undefined); undefined when it
   * is not there.
   */
  readOverlay: (path: string, revision?: string) => Promise<string | undefined>;
  rollouts: Pick<DemoRollouts, 'deploy'>;
  intervalMs: number;
  log: (message: string) => void;
  /** Plays Argo CD's Applications too: a new Git revision is applied after their delay. */
  agent?: {
    applications: Pick<DemoApplications, 'observe'>;
    /** The commit at the tip of the GitOps branch. */
    readRevision: () => Promise<string | undefined>;
  };
};

/**
 * Simulates Argo CD: every `intervalMs` reads each target's overlay from Git and rolls its
 * Deployment to the overlay's image when that changed. Overlays that are missing or unreadable
 * are reported through `log` and leave the cluster as it is.
 */
export class GitOpsSyncLoop {
  readonly #options: GitOpsSyncLoopOptions;
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  readonly #problems = new Map<string, string>();

  constructor(options: GitOpsSyncLoopOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer ??= setInterval(() => {
      // Skip a tick rather than overlap a slow one.
      this.#running ??= this.syncOnce().finally(() => {
        this.#running = undefined;
      });
    }, this.#options.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One pass over every target. */
  async syncOnce(): Promise<void> {
    const revision = await this.#options.agent?.readRevision();
    for (const target of this.#options.targets) {
      await this.#sync(target, revision);
    }
  }

  // The overlay is read at the revision the agent observed: read at the tip, a commit landing
  // between the two reads would roll out while the Application still says the old revision.
  async #sync(target: DemoTarget, revision: string | undefined) {
    const text = await this.#options.readOverlay(target.overlayPath, revision);
    if (text === undefined) {
      this.#problem(target, `${target.overlayPath} is not on the branch`);
      return;
    }
    let image;
    try {
      image = resolveOverlayImage({
        images: parseKustomizationImages(text),
        imageName: target.imageName,
      });
    } catch (error) {
      this.#problem(
        target,
        `${target.overlayPath}: ${(error as Error).message}`,
      );
      return;
    }
    if (!image) {
      this.#problem(
        target,
        `${target.overlayPath} has no image ${target.imageName}`,
      );
      return;
    }
    this.#problems.delete(target.overlayPath);
    const agent = this.#options.agent;
    if (
      agent &&
      revision &&
      agent.applications.observe(target, revision) === 'wait'
    ) {
      return;
    }
    const outcome = this.#options.rollouts.deploy({ ...target, image });
    if (outcome !== 'unchanged') {
      this.#options.log(
        `${outcome === 'created' ? 'deployed' : 'rolling out'} ${
          target.service
        } ${shortVersion(image)} in ${target.namespace}`,
      );
    }
  }

  // Said once per overlay until it is fixed, not every second.
  #problem(target: DemoTarget, message: string) {
    if (this.#problems.get(target.overlayPath) === message) return;
    this.#problems.set(target.overlayPath, message);
    this.#options.log(
      `cannot sync ${target.service} in ${target.namespace}: ${message}`,
    );
  }
}

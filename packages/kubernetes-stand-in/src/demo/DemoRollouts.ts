import { formatImageReference } from '@stageline/plugin-environments-common';
import type { KubernetesStandIn } from '../KubernetesStandIn';
import { deploymentObject } from './deploymentObject';
import type { DemoWorkload } from './DemoWorkload';
import { replicaSetObjects } from './replicaSetObjects';

type Cluster = Pick<KubernetesStandIn, 'apply' | 'remove'>;
type Entry = {
  current: DemoWorkload;
  pending?: { workload: DemoWorkload; timer: NodeJS.Timeout };
};

/** What {@link DemoRollouts.deploy} did. */
export type DeployOutcome = 'created' | 'rolling' | 'unchanged';

/**
 * Plays the Deployment controller for the demo cluster: a service's first version appears ready
 * at once; a new version gets a new ReplicaSet whose pods stay not ready for `rolloutMs`, then
 * become ready while the old ReplicaSet and its pods go away.
 */
export class DemoRollouts {
  readonly #cluster: Cluster;
  readonly #rolloutMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(cluster: Cluster, options: { rolloutMs: number }) {
    this.#cluster = cluster;
    this.#rolloutMs = options.rolloutMs;
  }

  /** Makes `target.namespace` run `target.image` for `target.service`. */
  deploy(target: Omit<DemoWorkload, 'revision'>): DeployOutcome {
    const key = `${target.namespace}/${target.service}`;
    const entry = this.#entries.get(key);
    if (!entry) {
      const workload = { ...target, revision: 1 };
      this.#applyComplete(workload);
      this.#entries.set(key, { current: workload });
      return 'created';
    }
    const wanted = entry.pending?.workload ?? entry.current;
    if (sameImage(wanted, target)) return 'unchanged';
    this.#cancel(entry);
    if (sameImage(entry.current, target)) return 'unchanged';
    this.#start(entry, { ...target, revision: entry.current.revision + 1 });
    return 'rolling';
  }

  /** Cancels pending rollouts (their objects stay as they are). */
  stop(): void {
    for (const entry of this.#entries.values()) {
      if (entry.pending) clearTimeout(entry.pending.timer);
    }
  }

  #start(entry: Entry, next: DemoWorkload) {
    replicaSetObjects(next, { ready: false }).forEach(o =>
      this.#cluster.apply(o),
    );
    this.#cluster.apply(
      deploymentObject(next, {
        complete: false,
        oldReplicas: entry.current.replicas,
      }),
    );
    const timer = setTimeout(() => this.#finish(entry, next), this.#rolloutMs);
    entry.pending = { workload: next, timer };
  }

  #finish(entry: Entry, next: DemoWorkload) {
    this.#applyComplete(next);
    this.#removeReplicaSet(entry.current);
    entry.current = next;
    entry.pending = undefined;
  }

  // A newer version replaces one still rolling out: its ReplicaSet goes, the old one stays.
  #cancel(entry: Entry) {
    if (!entry.pending) return;
    clearTimeout(entry.pending.timer);
    this.#removeReplicaSet(entry.pending.workload);
    this.#cluster.apply(deploymentObject(entry.current, { complete: true }));
    entry.pending = undefined;
  }

  #applyComplete(workload: DemoWorkload) {
    replicaSetObjects(workload, { ready: true }).forEach(o =>
      this.#cluster.apply(o),
    );
    this.#cluster.apply(deploymentObject(workload, { complete: true }));
  }

  #removeReplicaSet(workload: DemoWorkload) {
    for (const o of replicaSetObjects(workload, { ready: false })) {
      this.#cluster.remove(
        o.apiVersion,
        o.kind,
        o.metadata.namespace,
        o.metadata.name,
      );
    }
  }
}

function sameImage(
  a: Pick<DemoWorkload, 'image'>,
  b: Pick<DemoWorkload, 'image'>,
): boolean {
  return formatImageReference(a.image) === formatImageReference(b.image);
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ObjectMeta } from '../objectTypes';
import type { ClusterDefinition } from '../types';
import type { Backoff } from './Backoff';
import { backoffDelay } from './backoffDelay';
import type { ClusterIndexes } from './ClusterIndexes';
import { ARGO_APPLICATIONS, FLUX_KUSTOMIZATIONS } from './AGENT_KINDS';
import { INGRESS_ROUTES } from './INGRESS_ROUTES';
import type { KindName } from './KindName';
import { KindWatcher } from './KindWatcher';
import type { KubernetesApis } from './KubernetesApis';
import { loadKubeConfig } from './loadKubeConfig';
import { ObjectIndex } from './ObjectIndex';
import type { WatchedKind } from './WatchedKind';
import { WATCHED_KINDS } from './WATCHED_KINDS';

type K8s = typeof import('@kubernetes/client-node');

// Custom kinds, each watched only where its CRD is installed.
const OPTIONAL_KINDS = [INGRESS_ROUTES, ARGO_APPLICATIONS, FLUX_KUSTOMIZATIONS];
const isOptional = (kind: KindName) =>
  OPTIONAL_KINDS.some(k => k.name === kind);

/**
 * The watch-backed cache of one cluster: one informer per kind; Traefik IngressRoutes, Argo CD
 * Applications and Flux Kustomizations only when the cluster serves them (probed once, retried
 * until it answers).
 */
export class ClusterCache {
  readonly indexes: ClusterIndexes = {
    namespaces: new ObjectIndex(),
    deployments: new ObjectIndex(),
    statefulsets: new ObjectIndex(),
    replicasets: new ObjectIndex(),
    pods: new ObjectIndex(),
    jobs: new ObjectIndex(),
    ingresses: new ObjectIndex(),
    ingressroutes: new ObjectIndex(),
    applications: new ObjectIndex(),
    kustomizations: new ObjectIndex(),
  };
  private readonly watchers = new Map<KindName, KindWatcher>();
  private fatal?: string;
  private stopped = false;
  private started?: Promise<void>;
  private firstRead?: Promise<void>;
  private readonly probeTimers = new Set<NodeJS.Timeout>();
  private probesPending = OPTIONAL_KINDS.length;
  private probeSettle: () => void = () => {};
  private readonly probeSettled = new Promise<void>(resolve => {
    this.probeSettle = resolve;
  });

  constructor(
    private readonly options: {
      definition: ClusterDefinition;
      loadClient: () => Promise<K8s>;
      logger: LoggerService;
      backoff: Backoff;
      firstReadTimeoutMs: number;
    },
  ) {}

  get name(): string {
    return this.options.definition.name;
  }

  /** Starts the informers; resolves once they are created, not once they have listed. */
  start(): Promise<void> {
    this.started ??= this.connect();
    return this.started;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.probeTimers.forEach(timer => clearTimeout(timer));
    this.probeSettle();
    await Promise.all([...this.watchers.values()].map(w => w.stop()));
  }

  /**
   * Why `kinds` cannot be read, or undefined when the cache can answer. The first call waits,
   * bounded, for the first lists; later calls never wait.
   */
  async problemReading(kinds: KindName[]): Promise<string | undefined> {
    this.firstRead ??= this.waitForFirstLists();
    await this.firstRead;
    if (this.stopped) return `cluster '${this.name}' is no longer watched`;
    if (this.fatal) return this.fatal;
    for (const kind of kinds) {
      const watcher = this.watchers.get(kind);
      // Custom kinds are watched only where their CRD is installed; the rest always are.
      if (!watcher && !isOptional(kind)) {
        return `cluster '${this.name}' is still starting`;
      }
      const problem = watcher?.problem();
      if (problem) return problem;
    }
    return undefined;
  }

  /**
   * As of when the cache's `kinds` reflect the cluster (the oldest among them): their content
   * stays through an outage, so views can show the last known state and its age. Undefined
   * when a kind was never listed, or the cluster is no longer watched.
   */
  lastKnownAsOf(kinds: KindName[]): Date | undefined {
    if (this.stopped || this.fatal) return undefined;
    let oldest: Date | undefined;
    for (const kind of kinds) {
      const watcher = this.watchers.get(kind);
      if (!watcher) {
        if (isOptional(kind)) continue;
        return undefined;
      }
      const asOf = watcher.lastKnownAsOf();
      if (!asOf) return undefined;
      if (!oldest || asOf < oldest) oldest = asOf;
    }
    return oldest;
  }

  private async connect(): Promise<void> {
    let k8s: K8s;
    let apis: KubernetesApis;
    let kubeConfig;
    try {
      k8s = await this.options.loadClient();
      kubeConfig = loadKubeConfig(k8s, this.options.definition);
      apis = {
        core: kubeConfig.makeApiClient(k8s.CoreV1Api),
        apps: kubeConfig.makeApiClient(k8s.AppsV1Api),
        batch: kubeConfig.makeApiClient(k8s.BatchV1Api),
        networking: kubeConfig.makeApiClient(k8s.NetworkingV1Api),
        custom: kubeConfig.makeApiClient(k8s.CustomObjectsApi),
      };
    } catch (error) {
      this.fatal = `cluster '${this.name}' cannot be read: ${
        (error as Error).message
      }`;
      this.options.logger.warn('Stageline cannot read a cluster', {
        cluster: this.name,
        reason: this.fatal,
      });
      this.probeSettle();
      return;
    }
    if (this.stopped) return;
    const watch = (kind: WatchedKind) => {
      const watcher = new KindWatcher({
        cluster: this.name,
        kind,
        k8s,
        kubeConfig,
        apis,
        index: this.indexes[kind.name] as ObjectIndex<{ metadata: ObjectMeta }>,
        logger: this.options.logger,
        backoff: this.options.backoff,
      });
      this.watchers.set(kind.name, watcher);
      watcher.start();
    };
    WATCHED_KINDS.forEach(watch);
    for (const kind of OPTIONAL_KINDS) {
      void this.probe(apis, kind, () => watch(kind), 0);
    }
  }

  // The group-version discovery document says whether the CRD is installed: 404 means no.
  private async probe(
    apis: KubernetesApis,
    kind: WatchedKind,
    watch: () => void,
    failures: number,
  ): Promise<void> {
    const settle = () => {
      if (failures === 0 && --this.probesPending === 0) this.probeSettle();
    };
    try {
      const found = await apis.custom.getAPIResources(kind.optional!);
      if (!this.stopped && found.resources.some(r => r.name === kind.name)) {
        watch();
      }
      settle();
    } catch (error) {
      settle();
      if ((error as { code?: unknown }).code === 404 || this.stopped) return;
      // Unreachable or refused: the workload informers report why; ask again later.
      const timer = setTimeout(() => {
        this.probeTimers.delete(timer);
        void this.probe(apis, kind, watch, failures + 1);
      }, backoffDelay(failures + 1, this.options.backoff));
      timer.unref();
      this.probeTimers.add(timer);
    }
  }

  private async waitForFirstLists(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>(resolve => {
      timer = setTimeout(resolve, this.options.firstReadTimeoutMs);
    });
    const lists = (async () => {
      await this.start();
      await this.probeSettled;
      await Promise.all([...this.watchers.values()].map(w => w.settled));
    })();
    await Promise.race([lists, timeout]);
    clearTimeout(timer);
  }
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import type { ObjectMeta } from '../objectTypes';
import type { Backoff } from './Backoff';
import { backoffDelay } from './backoffDelay';
import { describeClusterError } from './describeClusterError';
import type { KubernetesApis } from './KubernetesApis';
import { makeProjectingInformer } from './makeProjectingInformer';
import type { ObjectIndex } from './ObjectIndex';
import type { WatchedKind } from './WatchedKind';

type K8s = typeof import('@kubernetes/client-node');
type Informer = ReturnType<typeof makeProjectingInformer>;

/**
 * One informer (list, then watch) for one kind on one cluster, feeding an index. client-node
 * re-lists by itself after 410 Gone and re-watches when a watch ends; any other error stops its
 * informer, so this restarts it with exponential backoff.
 */
export class KindWatcher {
  private informer?: Informer;
  private failures = 0;
  /** Since when the current outage lasts, after a successful list; undefined while healthy. */
  private outageSince?: Date;
  private reason?: string;
  private synced = false;
  private stopped = false;
  private listFailed = false;
  private attempt = 0;
  private failedAttempt = -1;
  private timer?: NodeJS.Timeout;
  private settle: () => void = () => {};
  /** Resolves once the first list succeeded or anything failed. */
  readonly settled = new Promise<void>(resolve => {
    this.settle = resolve;
  });

  constructor(
    private readonly options: {
      cluster: string;
      kind: WatchedKind;
      k8s: K8s;
      kubeConfig: KubeConfig;
      apis: KubernetesApis;
      index: ObjectIndex<{ metadata: ObjectMeta }>;
      logger: LoggerService;
      backoff: Backoff;
    },
  ) {}

  start(): void {
    const { k8s, kubeConfig, kind, apis, index } = this.options;
    // Remembered so an error can say whether listing or watching failed.
    const list = async () => {
      try {
        const result = await kind.list(apis, kind.labelSelector);
        this.listFailed = false;
        return result;
      } catch (error) {
        this.listFailed = true;
        throw error;
      }
    };
    const informer = makeProjectingInformer({
      k8s,
      kubeConfig,
      path: kind.path,
      labelSelector: kind.labelSelector,
      list,
      project: o => kind.project(o),
    });
    // Objects arrive projected (makeProjectingInformer): the index keeps what the informer keeps.
    const upsert = (o: KubernetesObject) =>
      index.upsert(o as unknown as { metadata: ObjectMeta });
    informer.on('add', upsert);
    informer.on('update', upsert);
    informer.on('delete', o =>
      index.remove(o.metadata?.namespace, o.metadata?.name ?? ''),
    );
    informer.on('error', error => this.fail(error));
    this.informer = informer;
    void this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.settle();
    await this.informer?.stop();
  }

  /**
   * Why this kind cannot be read now, or undefined. One failure after a good sync is served
   * from the cache while the informer restarts; a second in a row is reported.
   */
  /**
   * As of when the cache holds what the cluster had: now while healthy, the start of the outage
   * during one; undefined before the first successful list.
   */
  lastKnownAsOf(): Date | undefined {
    if (!this.synced) return undefined;
    return this.outageSince ?? new Date();
  }

  problem(): string | undefined {
    if (this.synced && this.failures < 2) return undefined;
    return (
      this.reason ??
      `cluster '${this.options.cluster}' has not answered the first list of ${this.options.kind.name} yet`
    );
  }

  private async run(): Promise<void> {
    if (this.stopped || !this.informer) return;
    const attempt = ++this.attempt;
    try {
      await this.informer.start();
    } catch (error) {
      this.fail(error);
      return;
    }
    // A start racing stop() may have opened a watch after the informer was stopped.
    if (this.stopped) {
      await this.informer.stop();
      return;
    }
    if (this.failedAttempt !== attempt) this.recovered();
  }

  private recovered(): void {
    if (this.reason) {
      this.options.logger.info('Cluster serves a watched kind again', {
        cluster: this.options.cluster,
        kind: this.options.kind.name,
      });
    }
    this.failures = 0;
    this.reason = undefined;
    this.outageSince = undefined;
    this.synced = true;
    this.settle();
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    const { cluster, kind, logger, backoff } = this.options;
    this.failedAttempt = this.attempt;
    this.failures++;
    if (this.synced) this.outageSince ??= new Date();
    const action = `${this.listFailed ? 'listing' : 'watching'} ${kind.name}`;
    const reason = describeClusterError(cluster, action, error);
    const delay = backoffDelay(this.failures, backoff);
    // Log changes, not every retry of the same outage; a single drop after a good sync is
    // routine (load balancers cut long watches).
    if (reason !== this.reason) {
      const level = this.synced && this.failures === 1 ? 'info' : 'warn';
      logger[level]('Cluster read failed; retrying', {
        cluster,
        kind: kind.name,
        reason,
        retryInMs: delay,
      });
    }
    this.reason = reason;
    this.settle();
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, delay);
    this.timer.unref();
  }
}

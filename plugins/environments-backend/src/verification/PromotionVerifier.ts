import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import { formatDuration } from '@stageline/plugin-environments-common';
import { fillUrlTemplate } from '../config/urlTemplate';
import type { VerificationConfig } from '../config/verificationSchema';
import { errorMessage } from '../errors/errorMessage';
import type { CheckResult } from './CheckResult';
import { fillQuery } from './fillQuery';
import { measurePrometheus, runPrometheusCheck } from './runPrometheusCheck';
import { runHttpCheck } from './runHttpCheck';
import type { Verification, VerificationStore } from './VerificationStore';
import { workloadSteadiness } from './workloadSteadiness';

/** Where the checks of one promotion look: its target environment and the service. */
export type VerificationTarget = {
  environment: EnvironmentState;
  service: string;
  config: VerificationConfig;
};

/** What one round of checks found. */
export type VerificationVerdict =
  | { outcome: 'pending'; reason: string; results: CheckResult[] }
  | { outcome: 'passed' | 'failed'; reason: string; results: CheckResult[] };

/**
 * Runs the checks of a promotion's verification: the values before the write, then, once the
 * target runs the version, each check at its interval until the duration is over. Each round
 * stores its results, so a restarted backend resumes where the last one stopped.
 */
export class PromotionVerifier {
  readonly #store: VerificationStore;
  readonly #now: () => Date;

  constructor(options: { store: VerificationStore; now: () => Date }) {
    this.#store = options.store;
    this.#now = options.now;
  }

  get store(): VerificationStore {
    return this.#store;
  }

  /**
   * Measures the Prometheus values the checks compare with, before the write. Best effort: a
   * value that cannot be measured is left out and the comparison fails closed later.
   */
  async measureBefore(
    promotion: Promotion,
    target: VerificationTarget,
  ): Promise<void> {
    if (await this.#store.get(promotion.id)) return;
    const before: Record<string, number> = {};
    for (const check of target.config.prometheus) {
      if (check.atMostAbovePreviousPercent === undefined) continue;
      try {
        before[check.name] = await measurePrometheus(
          check,
          this.#query(check.query, target),
        );
      } catch {
        // Left out: the check then says no value was measured before the promotion.
      }
    }
    await this.#store.recordBefore(promotion.id, before);
  }

  /** Marks when the checks begin: the restarts counted now are the baseline. */
  async start(promotion: Promotion, target: VerificationTarget): Promise<void> {
    await this.#store.start(
      promotion.id,
      target.environment.live?.restarts ?? 0,
    );
  }

  /** One round: the checks that are due, then the verdict over the latest result of each. */
  async check(
    promotion: Promotion,
    target: VerificationTarget,
  ): Promise<VerificationVerdict> {
    const stored = await this.#store.get(promotion.id);
    if (!stored?.startedAt) {
      await this.start(promotion, target);
      return this.check(promotion, target);
    }
    const latest = new Map(stored.results.map(r => [r.check, r]));
    for (const result of await this.#dueChecks(promotion, stored, target)) {
      latest.set(result.check, result);
    }
    const results = [...latest.values()];
    await this.#store.saveResults(promotion.id, results);
    const failed = results.filter(r => !r.passed);
    if (failed.length > 0) {
      return {
        outcome: 'failed',
        reason: `Verification failed: ${failed
          .map(r => `${r.check}: ${r.reason}`)
          .join('; ')}`,
        results,
      };
    }
    const elapsed = this.#now().getTime() - Date.parse(stored.startedAt);
    const { durationMs } = target.config;
    if (elapsed >= durationMs) {
      return {
        outcome: 'passed',
        reason: `Verified: every check passed for ${formatDuration(
          durationMs,
        )}`,
        results,
      };
    }
    return {
      outcome: 'pending',
      reason: `Verifying: ${formatDuration(
        durationMs - elapsed,
      )} left, every check passing so far`,
      results,
    };
  }

  async #dueChecks(
    promotion: Promotion,
    stored: Verification,
    target: VerificationTarget,
  ): Promise<CheckResult[]> {
    const { config, environment } = target;
    const now = this.#now();
    const lastRun = new Map(
      stored.results.map(r => [r.check, Date.parse(r.at)]),
    );
    const due = (check: string, intervalMs: number) => {
      const at = lastRun.get(check);
      return at === undefined || now.getTime() - at >= intervalMs;
    };
    const results: CheckResult[] = [];
    if (config.workloads) {
      results.push(
        workloadSteadiness({
          environment,
          version: promotion.version,
          restartsAtStart: stored.restartsAtStart ?? 0,
          now,
        }),
      );
    }
    const baseUrl = config.url && this.#baseUrl(config.url, target);
    for (const check of config.http) {
      if (!due(`GET ${check.path}`, check.intervalMs)) continue;
      results.push(
        baseUrl
          ? await runHttpCheck({ baseUrl, check, now: this.#now })
          : {
              check: `GET ${check.path}`,
              passed: false,
              reason: `The URL template ${config.url} cannot be filled for ${environment.name}`,
              at: now.toISOString(),
            },
      );
    }
    for (const check of config.prometheus) {
      if (!due(`prometheus ${check.name}`, check.intervalMs)) continue;
      let query: string;
      try {
        query = this.#query(check.query, target);
      } catch (error) {
        results.push({
          check: `prometheus ${check.name}`,
          passed: false,
          reason: errorMessage(error),
          at: now.toISOString(),
        });
        continue;
      }
      results.push(
        await runPrometheusCheck({
          check,
          query,
          before: stored.before[check.name],
          now: this.#now,
        }),
      );
    }
    return results;
  }

  #baseUrl(template: string, target: VerificationTarget) {
    const { environment, service } = target;
    return fillUrlTemplate(template, {
      namespace: environment.namespace,
      service,
      environment: environment.name,
      cluster: environment.cluster,
    });
  }

  #query(template: string, target: VerificationTarget) {
    return fillQuery(template, {
      namespace: target.environment.namespace,
      service: target.service,
    });
  }
}

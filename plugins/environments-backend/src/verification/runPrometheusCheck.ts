import type { PrometheusCheckConfig } from '../config/verificationSchema';
import { errorMessage } from '../errors/errorMessage';
import type { CheckResult } from './CheckResult';
import { prometheusQuery } from './prometheusQuery';

const QUERY_TIMEOUT_MS = 10_000;

/** A query result without samples counts as 0: an error rate without errors has no series. */
export async function measurePrometheus(
  check: PrometheusCheckConfig,
  query: string,
): Promise<number> {
  const { value } = await prometheusQuery({
    baseUrl: check.baseUrl,
    query,
    timeoutMs: QUERY_TIMEOUT_MS,
  });
  return value ?? 0;
}

/**
 * One Prometheus check: the query's value now against the threshold (`atMost`) and against the
 * value measured before the promotion (`atMostAbovePrevious`). A server that cannot answer, or a
 * comparison without a value from before, fails: a check that cannot be evaluated fails closed.
 */
export async function runPrometheusCheck(input: {
  check: PrometheusCheckConfig;
  query: string;
  /** The value before the promotion; undefined when it could not be measured. */
  before?: number;
  now: () => Date;
}): Promise<CheckResult> {
  const { check, before } = input;
  const result = (passed: boolean, reason: string): CheckResult => ({
    check: `prometheus ${check.name}`,
    passed,
    reason,
    at: input.now().toISOString(),
  });
  let value: number;
  try {
    value = await measurePrometheus(check, input.query);
  } catch (error) {
    return result(false, errorMessage(error));
  }
  const problems: string[] = [];
  const facts: string[] = [`${check.name} is ${value}`];
  if (check.atMost !== undefined) {
    facts.push(`at most ${check.atMost}`);
    if (value > check.atMost) problems.push(`above ${check.atMost}`);
  }
  const percent = check.atMostAbovePreviousPercent;
  if (percent !== undefined) {
    if (before === undefined) {
      problems.push(
        'no value was measured before the promotion to compare with',
      );
    } else {
      const limit = before * (1 + percent / 100);
      facts.push(`before the promotion ${before}, limit ${percent}% above`);
      if (value > limit) {
        problems.push(`more than ${percent}% above ${before}`);
      }
    }
  }
  return problems.length > 0
    ? result(false, `${check.name} is ${value}: ${problems.join('; ')}`)
    : result(true, facts.join(', '));
}

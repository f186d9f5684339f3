import { z } from 'zod/v3';
import { durationSchema } from './durationSchema';
import { urlTemplateProblem, urlTemplateSchema } from './urlTemplate';

const positiveDuration = durationSchema.refine(
  ms => ms > 0,
  'must be longer than 0',
);

const httpCheckSchema = z
  .object({
    path: z
      .string()
      .regex(
        /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/,
        'must be a path starting with "/", e.g. /health',
      ),
    expectedStatus: z.number().int().min(100).max(599).optional(),
    // Checks run inside the engine's 2-minute lease on the promotion.
    timeout: positiveDuration
      .refine(ms => ms <= 60_000, 'must be at most 1m')
      .optional(),
    interval: positiveDuration.optional(),
  })
  .strict();

const QUERY_PLACEHOLDERS = ['namespace', 'service'];

const prometheusCheckSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,62}$/,
        'must be a short name of lowercase letters, digits and "-", e.g. error-rate',
      ),
    baseUrl: z.string().superRefine((url, ctx) => {
      const problem = urlTemplateProblem(url);
      if (problem || /\{/.test(url)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message:
            'must be the http(s) URL of a Prometheus server without placeholders or credentials, e.g. http://prometheus.monitoring:9090',
        });
      }
    }),
    query: z
      .string()
      .min(1)
      .max(2000)
      .refine(
        query =>
          [...query.matchAll(/\{([a-z]+)\}/g)].every(m =>
            QUERY_PLACEHOLDERS.includes(m[1]),
          ),
        'may hold only the placeholders {namespace} and {service}',
      ),
    /** The value must stay at or below this. */
    atMost: z.number().optional(),
    /** The value may rise at most this many percent above the one measured before the promotion. */
    atMostAbovePrevious: z
      .string()
      .regex(/^\d+(\.\d+)?%$/, 'must be a percentage such as 10%')
      .transform(text => Number(text.slice(0, -1)))
      .optional(),
    interval: positiveDuration.optional(),
  })
  .strict()
  .refine(
    check =>
      check.atMost !== undefined || check.atMostAbovePrevious !== undefined,
    'needs atMost (a threshold) or atMostAbovePrevious (e.g. 10%), or both',
  );

/**
 * `verification` of a chain environment: how long a promotion into it is watched after the
 * rollout, the checks that watch it, and what a failed check does.
 */
export const verificationSchema = z
  .object({
    duration: positiveDuration,
    onFailure: z.enum(['notify', 'rollback']).optional(),
    workloads: z.boolean().optional(),
    url: urlTemplateSchema.optional(),
    http: z.array(httpCheckSchema).optional(),
    prometheus: z.array(prometheusCheckSchema).optional(),
  })
  .strict()
  .refine(
    v => !v.http?.length || v.url !== undefined,
    "http checks need url: the environment's base URL, e.g. https://{service}.staging.example.com",
  )
  .transform(
    (v): VerificationConfig => ({
      durationMs: v.duration,
      onFailure: v.onFailure ?? 'notify',
      workloads: v.workloads ?? true,
      url: v.url,
      http: (v.http ?? []).map(check => ({
        path: check.path,
        expectedStatus: check.expectedStatus ?? 200,
        timeoutMs: check.timeout ?? 5_000,
        intervalMs: check.interval ?? 30_000,
      })),
      prometheus: (v.prometheus ?? []).map(check => ({
        name: check.name,
        baseUrl: check.baseUrl.replace(/\/+$/, ''),
        query: check.query,
        atMost: check.atMost,
        atMostAbovePreviousPercent: check.atMostAbovePrevious,
        intervalMs: check.interval ?? 60_000,
      })),
    }),
  );

/** One HTTP check against the environment's URL. */
export type HttpCheckConfig = {
  path: string;
  expectedStatus: number;
  timeoutMs: number;
  intervalMs: number;
};

/** One Prometheus query, compared with a threshold, the value before the promotion, or both. */
export type PrometheusCheckConfig = {
  name: string;
  baseUrl: string;
  /** PromQL with `{namespace}` and `{service}`. */
  query: string;
  atMost?: number;
  atMostAbovePreviousPercent?: number;
  intervalMs: number;
};

/** How promotions into an environment are verified once the target runs them. */
export type VerificationConfig = {
  durationMs: number;
  /** `rollback`: a failed verification writes a rollback to the last verified version. */
  onFailure: 'notify' | 'rollback';
  /** Check that workloads stay ready, without new restarts or crash loops. */
  workloads: boolean;
  /** The environment's base URL template (`{service}`, `{namespace}`, `{environment}`, `{cluster}`). */
  url?: string;
  http: HttpCheckConfig[];
  prometheus: PrometheusCheckConfig[];
};

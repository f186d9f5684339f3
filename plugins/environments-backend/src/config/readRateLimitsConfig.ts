import type { Config } from '@backstage/config';
import { z } from 'zod/v3';
import { durationSchema } from './durationSchema';
import { parseConfigValue } from './parseConfigValue';

/** Per-caller budgets, validated and defaulted. */
/** How many calls each caller may make per window. */
export type CallerBudgetLimits = { limit: number; windowMs: number };

export type RateLimitsConfig = {
  /** Calls that spend the GitHub token's rate limit: version diffs, preview pull request lookups. */
  githubReads: CallerBudgetLimits;
};

const MIN_WINDOW_MS = 1_000;
// A window is a timer interval in the store; a day is far beyond any useful budget window.
const MAX_WINDOW_MS = 24 * 3_600_000;

const budgetSchema = z
  .object({
    limit: z.number().int().positive().optional(),
    window: durationSchema
      .refine(ms => ms >= MIN_WINDOW_MS, 'must be at least 1s')
      .refine(ms => ms <= MAX_WINDOW_MS, 'must be at most 24h')
      .optional(),
  })
  .strict();

const rateLimitsSchema = z
  .object({ githubReads: budgetSchema.optional() })
  .strict();

/**
 * Reads `environments.rateLimits`; throws naming the key on bad values. By default each caller may
 * spend 60 GitHub reads a minute: enough for a person browsing, while one reader (or a script
 * with their token) cannot spend the token's 5,000 an hour that promotions also need.
 */
export function readRateLimitsConfig(config: Config): RateLimitsConfig {
  const key = 'environments.rateLimits';
  const parsed = parseConfigValue(
    rateLimitsSchema,
    config.getOptional(key) ?? {},
    key,
  );
  return {
    githubReads: {
      limit: parsed.githubReads?.limit ?? 60,
      windowMs: parsed.githubReads?.window ?? 60_000,
    },
  };
}

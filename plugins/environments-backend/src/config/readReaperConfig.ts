import type { Config } from '@backstage/config';
import { z } from 'zod/v3';
import { durationSchema } from './durationSchema';
import { parseConfigValue } from './parseConfigValue';

/** The preview reaper: whether it runs, whether it only reports, and how often. */
export type ReaperConfig = {
  enabled: boolean;
  /** Report what would be deleted, delete nothing. */
  dryRun: boolean;
  frequencyMs: number;
};

const MIN_FREQUENCY_MS = 10_000;

const reaperSchema = z
  .object({
    enabled: z.boolean().optional(),
    dryRun: z.boolean().optional(),
    frequency: durationSchema
      .refine(
        ms => ms >= MIN_FREQUENCY_MS,
        'must be at least 10s: every run lists namespaces and pull requests',
      )
      .optional(),
  })
  .strict();

/** Reads `environments.previews.reaper`; throws naming the key on bad values. */
export function readReaperConfig(config: Config): ReaperConfig {
  const key = 'environments.previews.reaper';
  const parsed = parseConfigValue(
    reaperSchema,
    config.getOptional(key) ?? {},
    key,
  );
  return {
    enabled: parsed.enabled ?? true,
    dryRun: parsed.dryRun ?? false,
    frequencyMs: parsed.frequency ?? 5 * 60_000,
  };
}

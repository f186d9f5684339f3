import type { Config } from '@backstage/config';
import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';
import { defaultChain } from './defaultChain';

const dns1123Label = z
  .string()
  .max(63)
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  );

const environmentSchema = z
  .object({
    name: dns1123Label,
    namespace: dns1123Label.optional(),
    cluster: z.string().min(1).optional(),
    overlay: dns1123Label.optional(),
    protected: z.boolean().optional(),
  })
  .strict();

const chainsSchema = z.record(
  dns1123Label,
  z
    .array(environmentSchema)
    .min(1, 'a chain needs at least one environment')
    .refine(
      envs => new Set(envs.map(e => e.name)).size === envs.length,
      'environment names must be unique within a chain',
    ),
);

/**
 * Reads `environments.chains`, filling defaults. Invalid config throws an error that names the
 * offending key, so a bad deployment fails at startup rather than on the first page view.
 */
export function readChainsConfig(
  config: Config,
): Map<string, EnvironmentDefinition[]> {
  const raw = config.getOptional('environments.chains');
  const parsed = chainsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['environments', 'chains', ...issue.path].join('.');
    throw new Error(`Invalid config at '${key}': ${issue.message}`);
  }
  const chains = new Map<string, EnvironmentDefinition[]>();
  for (const [chainName, envs] of Object.entries(parsed.data)) {
    chains.set(
      chainName,
      envs.map(env => ({
        name: env.name,
        namespace: env.namespace ?? env.name,
        cluster: env.cluster,
        overlay: env.overlay ?? env.name,
        protected: env.protected ?? false,
      })),
    );
  }
  if (!chains.has('default')) {
    chains.set('default', defaultChain);
  }
  return chains;
}

import { DNS1123_LABEL } from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';
import { environmentAgentSchema } from './agentSchema';
import { executionSchema } from './executionSchema';
import { gatesSchema } from './gatesSchema';
import { verificationSchema } from './verificationSchema';

/** A Kubernetes-style name: environment and chain names. */
export const dns1123Label = z
  .string()
  .max(63)
  .regex(
    DNS1123_LABEL,
    'must be a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  );

// A namespace may name the service: `{service}-staging` gives each service its own.
const namespaceName = z
  .string()
  .max(63)
  .refine(
    value =>
      value.split('{service}').length <= 2 &&
      DNS1123_LABEL.test(value.replace('{service}', 'a')),
    'must be a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit), optionally with {service} once',
  );

const environmentSchema = z
  .object({
    name: dns1123Label,
    namespace: namespaceName.optional(),
    cluster: z.string().min(1).optional(),
    overlay: dns1123Label.optional(),
    protected: z.boolean().optional(),
    agent: environmentAgentSchema.optional(),
    gates: gatesSchema.optional(),
    verification: verificationSchema.optional(),
    approvers: z
      .array(
        z
          .string()
          .regex(
            /^(user|group):[a-z0-9._-]+\/[A-Za-z0-9._-]+$/i,
            'must be a user or group entity ref such as group:default/release-managers',
          ),
      )
      .optional(),
  })
  .merge(executionSchema)
  .strict();

/** `environments.chains`: chain name -> environments in promotion order. */
export const chainsSchema = z.record(
  dns1123Label,
  z
    .array(environmentSchema)
    .min(1, 'a chain needs at least one environment')
    .refine(
      envs => new Set(envs.map(e => e.name)).size === envs.length,
      'environment names must be unique within a chain',
    ),
);

/** `environments.chains` as validated, before defaults. */
export type ChainsConfig = z.output<typeof chainsSchema>;

/** One environment of `environments.chains.<chain>`, as validated. */
export type ChainEnvironmentConfig = ChainsConfig[string][number];

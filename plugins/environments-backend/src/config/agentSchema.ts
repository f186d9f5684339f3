import { DNS1123_LABEL } from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';

const namespaceName = z
  .string()
  .max(63)
  .regex(DNS1123_LABEL, 'must be a DNS-1123 label (a namespace name)');

const httpsUrl = z
  .string()
  .url()
  .refine(u => /^https?:\/\//.test(u), 'must be an http(s) URL');

/**
 * `environments.chains.<chain>[].agent`: the GitOps agent object of one environment, when
 * matching by repository, path and namespace is ambiguous or the agent runs elsewhere.
 */
export const environmentAgentSchema = z
  .object({
    kind: z.enum(['argo-cd', 'flux']),
    name: z.string().min(1).max(253),
    namespace: namespaceName,
    /** The cluster the object lives on (Argo CD in a management cluster), default the environment's. */
    cluster: z.string().min(1).optional(),
    uiBaseUrl: httpsUrl.optional(),
    /** Ask the agent to sync right after a promotion commit (the refresh nudge). */
    refresh: z.boolean().optional(),
  })
  .strict();

/** `environments.gitopsAgents`: defaults for every environment's agent. */
export const gitopsAgentsSchema = z
  .object({
    argoCd: z
      .object({
        /** Where Argo CD's Applications live when not beside the workloads. */
        cluster: z.string().min(1).optional(),
        uiBaseUrl: httpsUrl.optional(),
      })
      .strict()
      .optional(),
    /** Ask each environment's agent to sync right after a promotion commit. Off by default. */
    refresh: z.boolean().optional(),
  })
  .strict();

/** One environment's agent as config names it. */
export type EnvironmentAgentConfig = z.output<typeof environmentAgentSchema>;

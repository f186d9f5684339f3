import { z as zod } from 'zod/v3';

type Z = typeof zod;

// Template forms and Nunjucks may turn '8' into 8; both are valid Kubernetes quantities.
const quantity = (z: Z, description: string) =>
  z
    .union([z.string(), z.number()], { description })
    .transform(value => String(value));

/** CPU and memory amounts, each optional. */
export const amountsField = (z: Z) =>
  z
    .object({
      cpu: quantity(z, "CPU quantity, e.g. '250m'").optional(),
      memory: quantity(z, "Memory quantity, e.g. '256Mi'").optional(),
    })
    .strict();

/** A namespace's ResourceQuota, each limit optional. */
export const quotaField = (z: Z) =>
  z
    .object({
      requestsCpu: quantity(z, 'requests.cpu quota').optional(),
      requestsMemory: quantity(z, 'requests.memory quota').optional(),
      limitsCpu: quantity(z, 'limits.cpu quota').optional(),
      limitsMemory: quantity(z, 'limits.memory quota').optional(),
      pods: z.number().int().min(1).max(1000).optional(),
    })
    .strict();

const PSS_LEVELS = ['privileged', 'baseline', 'restricted'] as const;

const podSecurityLevel = (z: Z, level: (typeof PSS_LEVELS)[number]) =>
  z.enum(PSS_LEVELS).default(level);

/**
 * Inputs that shape a namespace, shared by the service actions (for the namespaces a service
 * owns) and `stageline:environments:platform` (for the shared ones).
 */
export const environmentInputFields = {
  protectedEnvironments: (z: Z) =>
    z
      .array(z.string(), {
        description:
          'Environments where developers only read, the CI ServiceAccount deploys, and an HPA and a PodDisruptionBudget run',
      })
      .default(['staging', 'production']),
  qaEnvironment: (z: Z) =>
    z
      .string({ description: 'Environment the QA group administers' })
      .default('qa'),
  rbac: (z: Z) =>
    z
      .object(
        {
          developersGroup: z.string().default('developers'),
          qaGroup: z.string().default('qa-engineers'),
          ciServiceAccount: z.string().default('github-ci'),
          ciServiceAccountNamespace: z.string().default('kube-system'),
        },
        { description: 'Subjects of the generated RoleBindings' },
      )
      .strict()
      .default({}),
  podSecurity: (z: Z) =>
    z
      .object(
        {
          enforce: podSecurityLevel(z, 'baseline'),
          warn: podSecurityLevel(z, 'restricted'),
          audit: podSecurityLevel(z, 'restricted'),
        },
        {
          description:
            "Pod Security Standard levels of the namespace's pod-security.kubernetes.io/enforce, warn and audit labels",
        },
      )
      .strict()
      .default({}),
};

import { z as zod } from 'zod/v3';

type Z = typeof zod;

// Template forms and Nunjucks may turn '8' into 8; both are valid Kubernetes quantities.
const quantity = (z: Z, description: string) =>
  z
    .union([z.string(), z.number()], { description })
    .transform(value => String(value));

const amounts = (z: Z) =>
  z
    .object({
      cpu: quantity(z, "CPU quantity, e.g. '250m'").optional(),
      memory: quantity(z, "Memory quantity, e.g. '256Mi'").optional(),
    })
    .strict();

const sizingOverride = (z: Z) =>
  z
    .object({
      replicas: z.number().int().min(0).max(100).optional(),
      requests: amounts(z).optional(),
      limits: amounts(z).optional(),
      quota: z
        .object({
          requestsCpu: quantity(z, 'requests.cpu quota').optional(),
          requestsMemory: quantity(z, 'requests.memory quota').optional(),
          limitsCpu: quantity(z, 'limits.cpu quota').optional(),
          limitsMemory: quantity(z, 'limits.memory quota').optional(),
          pods: z.number().int().min(1).max(1000).optional(),
        })
        .strict()
        .optional(),
      maxReplicas: z.number().int().min(1).max(100).optional(),
      minAvailable: z.number().int().min(0).max(100).optional(),
    })
    .strict();

/**
 * Inputs shared by `stageline:environments:create` and `stageline:environments:add`. Every
 * default comes from the source articles.
 */
export const layoutInputFields = {
  name: (z: Z) =>
    z.string({
      description:
        'Service name: names the Deployment and Service and becomes backstage.io/kubernetes-id',
    }),
  owner: (z: Z) =>
    z.string({
      description:
        'Owning team (a DNS-1123 label), written as the owner label of every namespace',
    }),
  image: (z: Z) =>
    z.string({
      description:
        'Image repository without tag, e.g. ghcr.io/acme/checkout; the overlays pin the tag',
    }),
  basePath: (z: Z) =>
    z
      .string({ description: 'Folder of the Kustomize base' })
      .default('k8s/base'),
  overlaysPath: (z: Z) =>
    z
      .string({ description: 'Folder with one overlay per environment' })
      .default('k8s/overlays'),
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
  ingress: (z: Z) =>
    z
      .object(
        {
          kind: z.enum(['IngressRoute', 'Ingress']).default('IngressRoute'),
          domain: z.string().default('example.com'),
          controllerNamespace: z.string().default('traefik'),
          className: z.string().default('traefik'),
          entryPoint: z.string().default('websecure'),
          certResolver: z.string().default('letsencrypt'),
        },
        {
          description:
            'Traefik IngressRoute or Ingress; hosts are <name>.<domain> in production, <name>.<env>.<domain> elsewhere and pr-<n>.<name>.preview.<domain> for previews',
        },
      )
      .strict()
      .default({}),
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
  sizing: (z: Z) =>
    z
      .record(z.string(), sizingOverride(z), {
        description:
          "Per-environment overrides (key: environment name, or 'feature' for previews) of replicas, requests, limits, quota, maxReplicas and minAvailable",
      })
      .default({}),
};

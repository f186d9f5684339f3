import { z as zod } from 'zod/v3';
import {
  amountsField,
  environmentInputFields,
  quotaField,
} from './environmentInputFields';

type Z = typeof zod;

const sizingOverride = (z: Z) =>
  z
    .object({
      replicas: z.number().int().min(0).max(100).optional(),
      requests: amountsField(z).optional(),
      limits: amountsField(z).optional(),
      quota: quotaField(z).optional(),
      maxReplicas: z.number().int().min(1).max(100).optional(),
      minAvailable: z.number().int().min(0).max(100).optional(),
    })
    .strict();

/**
 * Inputs shared by `stageline:environments:create` and `stageline:environments:add`. Left out,
 * each takes its default (the handlers apply them; see `parseActionInput`).
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
        'Owning team (a DNS-1123 label), written as the owner label of the namespaces the service owns',
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
  namespaceMode: (z: Z) =>
    z
      .enum(['shared', 'per-service'], {
        description:
          "'shared': the service runs in one namespace per environment (e.g. staging) that the environment layer (stageline:environments:platform) owns, and its overlays hold only the service's objects. 'per-service': the service owns a namespace per environment (e.g. checkout-staging) with its quota, limits, policies and RBAC",
      })
      .default('shared'),
  ...environmentInputFields,
  ingress: (z: Z) =>
    z
      .object(
        {
          kind: z.enum(['Ingress', 'IngressRoute']).default('Ingress'),
          domain: z.string().default('example.com'),
          controllerNamespace: z.string().default('traefik'),
          className: z.string().optional(),
          entryPoint: z.string().default('websecure'),
          certResolver: z.string().default('letsencrypt'),
        },
        {
          description:
            "A standard Ingress (className optional: the cluster's default IngressClass) or a Traefik IngressRoute (needs the Traefik CRDs; entryPoint and certResolver); hosts are <name>.<domain> in production, <name>.<env>.<domain> elsewhere and pr-<n>.<name>.preview.<domain> for previews. controllerNamespace is where the ingress controller runs: only it may reach the service's pods",
        },
      )
      .strict()
      .default({}),
  sizing: (z: Z) =>
    z
      .record(z.string(), sizingOverride(z), {
        description:
          "Per-environment overrides (key: environment name, or 'feature' for previews) of replicas, requests, limits, maxReplicas and minAvailable, and of the quota where the service owns the namespace",
      })
      .default({}),
};

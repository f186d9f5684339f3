import { z } from 'zod/v3';

/**
 * kubernetes-models has no schema for Traefik's IngressRoute CRD, so the fields we generate are
 * checked against this subset of the CRD (traefik.io/v1alpha1).
 */
export const ingressRouteSchema = z
  .object({
    apiVersion: z.literal('traefik.io/v1alpha1'),
    kind: z.literal('IngressRoute'),
    metadata: z.object({
      name: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/),
      namespace: z.string().min(1),
      labels: z.record(z.string()).optional(),
    }),
    spec: z
      .object({
        entryPoints: z.array(z.string().min(1)).min(1),
        routes: z
          .array(
            z
              .object({
                match: z.string().regex(/^Host\(`[a-z0-9.-]+`\)$/),
                kind: z.literal('Rule'),
                services: z
                  .array(
                    z
                      .object({
                        name: z.string().min(1),
                        port: z.union([z.number().int(), z.string()]),
                      })
                      .strict(),
                  )
                  .min(1),
              })
              .strict(),
          )
          .min(1),
        tls: z
          .object({ certResolver: z.string().min(1) })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();

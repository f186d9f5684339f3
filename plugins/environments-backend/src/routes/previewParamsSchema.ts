import { z } from 'zod/v3';

/** `:preview` of the preview routes: a namespace name (DNS-1123 label). */
export const previewParamsSchema = z
  .object({
    preview: z
      .string()
      .max(63)
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label'),
  })
  .passthrough();

import { z } from 'zod/v3';
import { dns1123Label } from './dns1123LabelSchema';

/** `:preview` of the preview routes: a namespace name (DNS-1123 label). */
export const previewParamsSchema = z
  .object({
    preview: dns1123Label,
  })
  .passthrough();

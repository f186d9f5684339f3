import { z } from 'zod/v3';

/** Body of `POST .../previews/:preview/extend`: a duration such as `24h`. */
export const previewExtendSchema = z
  .object({ by: z.string().regex(/^\d{1,4}[smhd]$/, 'must be like 24h or 3d') })
  .strict();

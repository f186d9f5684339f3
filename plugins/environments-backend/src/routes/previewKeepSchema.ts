import { z } from 'zod/v3';

/** Body of `POST .../previews/:preview/keep`. */
export const previewKeepSchema = z.object({ keep: z.boolean() }).strict();

import { z } from 'zod/v3';
import { auditCursorSchema } from '../promotions/store/auditCursorSchema';

/**
 * Query of `GET /entities/:kind/:namespace/:name/history`: only `preview` or only `promotion`
 * events, a page's cursor, and the page size (1 to 200).
 */
export const historyQuerySchema = z
  .object({
    type: z.enum(['preview', 'promotion']).optional(),
    before: auditCursorSchema.optional(),
    limit: z
      .string()
      .regex(/^[0-9]{1,3}$/, 'must be a whole number from 1 to 200')
      .transform(Number)
      .pipe(z.number().int().min(1).max(200))
      .optional(),
  })
  .strict();

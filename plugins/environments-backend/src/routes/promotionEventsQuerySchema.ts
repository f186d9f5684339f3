import { z } from 'zod/v3';
import { auditCursorSchema } from '../promotions/store/auditCursorSchema';

/** The paging fields of the audit pages' queries: a page's cursor and the page size (1 to 200). */
export const auditPageQueryFields = {
  before: auditCursorSchema.optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, 'must be a whole number from 1 to 200')
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .optional(),
};

/** Query of `GET /promotions/:id/events`: a page's cursor and the page size (1 to 200). */
export const promotionEventsQuerySchema = z
  .object(auditPageQueryFields)
  .strict();

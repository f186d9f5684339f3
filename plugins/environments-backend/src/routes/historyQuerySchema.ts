import { z } from 'zod/v3';
import { auditPageQueryFields } from './promotionEventsQuerySchema';

/**
 * Query of `GET /entities/:kind/:namespace/:name/history`: only `preview` or only `promotion`
 * events, a page's cursor, and the page size (1 to 200).
 */
export const historyQuerySchema = z
  .object({
    type: z.enum(['preview', 'promotion']).optional(),
    ...auditPageQueryFields,
  })
  .strict();

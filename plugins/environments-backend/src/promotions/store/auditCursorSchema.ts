import { z } from 'zod/v3';

/**
 * A cursor into a promotion's audit trail: the id of the oldest row of the page before it.
 * Opaque to callers; a positive integer here, so it is checked before it reaches a query.
 */
export const auditCursorSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, 'is not a cursor from an earlier page');

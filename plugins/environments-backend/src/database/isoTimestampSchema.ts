import { z } from 'zod/v3';

/**
 * An ISO 8601 timestamp, stored normalized to UTC with milliseconds so that text comparison and
 * ordering match time order on every database.
 */
export const isoTimestampSchema = z
  .string()
  .datetime({ offset: true })
  .transform(value => new Date(value).toISOString());

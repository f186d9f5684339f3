import { z } from 'zod/v3';
import { parseDuration } from './parseDuration';

/** A duration as the config writes it (`30s`, `10m`, `1h30m`), read as milliseconds. */
export const durationSchema = z.string().transform((text, ctx) => {
  try {
    return parseDuration('', text);
  } catch {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `'${text}' is not a duration like 30s, 10m, 72h or 1h30m`,
    });
    return z.NEVER;
  }
});

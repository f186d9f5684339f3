import { z } from 'zod/v3';

/** A link shown to people: http(s) only, so a stored `javascript:` URL can never be clicked. */
export const httpUrlSchema = z
  .string()
  .max(2048)
  .url()
  .refine(url => /^https?:\/\//i.test(url), 'must be an http or https URL');

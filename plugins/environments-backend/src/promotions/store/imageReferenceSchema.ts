import {
  isValidDigest,
  isValidTag,
} from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';

/** A promotable version: an image name with a valid tag and/or sha256 digest. */
export const imageReferenceSchema = z
  .object({
    name: z.string().min(1).max(255),
    tag: z.string().refine(isValidTag, 'is not a valid image tag').optional(),
    digest: z
      .string()
      .refine(isValidDigest, 'is not a sha256 digest')
      .optional(),
  })
  .strict()
  .refine(
    version => version.tag !== undefined || version.digest !== undefined,
    'a version needs a tag or a digest',
  );

import { DNS1123_LABEL } from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';

/** A route parameter or body field naming an environment or namespace: a DNS-1123 label. */
export const dns1123Label = z
  .string()
  .max(63)
  .regex(DNS1123_LABEL, 'must be a DNS-1123 label');

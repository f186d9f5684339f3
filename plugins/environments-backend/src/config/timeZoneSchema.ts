import { IANAZone } from 'luxon';
import { z } from 'zod/v3';

/** An IANA time zone name, e.g. `Europe/Paris` or `UTC`. */
export const timeZoneSchema = z.string().refine(
  name => IANAZone.isValidZone(name),
  name => ({
    message: `'${name}' is not an IANA time zone such as Europe/Paris or UTC`,
  }),
);

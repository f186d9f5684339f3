import { z } from 'zod/v3';

function isTimeZone(name: string): boolean {
  try {
    // Throws a RangeError for a zone the runtime's IANA database does not know.
    return Boolean(new Intl.DateTimeFormat('en-US', { timeZone: name }));
  } catch {
    return false;
  }
}

/** An IANA time zone name, e.g. `Europe/Paris` or `UTC`. */
export const timeZoneSchema = z.string().refine(isTimeZone, name => ({
  message: `'${name}' is not an IANA time zone such as Europe/Paris or UTC`,
}));

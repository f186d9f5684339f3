import { createHash } from 'node:crypto';

/**
 * Value of `promotions.in_flight_key` while a promotion is not final: the overlay folder it
 * writes (repository and path), hashed to fit the column. Its UNIQUE index is what allows one
 * in-flight promotion per folder, whichever entity asks; final rows hold NULL, which the index
 * does not compare.
 */
export function inFlightKey(targetFolder: string): string {
  return `folder:${createHash('sha256').update(targetFolder).digest('hex')}`;
}

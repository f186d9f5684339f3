/**
 * Value of `promotions.in_flight_key` while a promotion is not final. Its UNIQUE index is what
 * allows one in-flight promotion per (entity, target); final rows hold NULL, which the index
 * does not compare.
 */
export function inFlightKey(entityRef: string, target: string): string {
  return `${entityRef}|${target}`;
}

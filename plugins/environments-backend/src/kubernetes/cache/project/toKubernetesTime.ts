/**
 * An ISO 8601 time as Kubernetes writes it (`2024-05-01T10:00:00Z`). Lists through
 * client-node's typed API give Date objects, watch events give strings: both end up the same.
 */
export function toKubernetesTime(
  value: Date | string | undefined,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

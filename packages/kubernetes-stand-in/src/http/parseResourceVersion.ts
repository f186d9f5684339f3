/**
 * The numeric resourceVersion a list or watch starts from; undefined for "any" (absent or "0").
 *
 * @throws Error when it is not a number.
 */
export function parseResourceVersion(
  value: string | undefined,
): number | undefined {
  if (value === undefined || value === '' || value === '0') return undefined;
  if (!/^\d+$/.test(value)) {
    throw new Error(`invalid resource version '${value}'`);
  }
  return Number(value);
}

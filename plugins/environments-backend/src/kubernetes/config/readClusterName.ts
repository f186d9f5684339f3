import type { Config } from '@backstage/config';

/**
 * The `name` of a cluster entry.
 *
 * @throws Error naming the config key when it is missing or blank.
 */
export function readClusterName(entry: Config, key: string): string {
  const name = entry.getString('name');
  if (name.trim() !== name || name === '') {
    throw new Error(
      `Invalid config at '${key}.name': '${name}' must be a non-empty name without surrounding spaces`,
    );
  }
  return name;
}

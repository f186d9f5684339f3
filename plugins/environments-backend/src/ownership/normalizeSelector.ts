import { parseLabelSelector } from '@stageline/plugin-environments-common';

/**
 * One spelling per label selector, so `a=1,b=2` and `b = 2, a=1` are seen as one claim;
 * undefined for a selector that does not parse (the read model reports those).
 */
export function normalizeSelector(selector: string): string | undefined {
  try {
    return parseLabelSelector(selector)
      .map(r => `${r.key} ${r.operator} ${[...r.values].sort().join(',')}`)
      .sort()
      .join('; ');
  } catch {
    return undefined;
  }
}

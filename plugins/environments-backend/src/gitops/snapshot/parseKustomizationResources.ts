import { parse } from 'yaml';

/**
 * The `resources` entries of a kustomization that already passed the strict images parse (so
 * it is one bounded YAML 1.2 document without aliases); entries that are not strings are skipped.
 */
export function parseKustomizationResources(text: string): string[] {
  const value = parse(text) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const resources = (value as Record<string, unknown>).resources;
  return Array.isArray(resources)
    ? resources.filter((r): r is string => typeof r === 'string')
    : [];
}

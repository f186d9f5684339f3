import { toYaml } from './toYaml';

/** Several objects as one multi-document YAML stream. */
export function toYamlDocuments(values: unknown[]): string {
  return values.map(toYaml).join('---\n');
}

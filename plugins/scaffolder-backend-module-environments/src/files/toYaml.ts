import { Document, isScalar, visit } from 'yaml';

/**
 * Serialises plain data as YAML that Kubernetes reads back unchanged: the YAML 1.1 schema
 * quotes strings such as `on`, `yes`, `1.10` or `~` that go-yaml would turn into booleans,
 * numbers or null; image tags are always double-quoted (kustomize types them as strings); shared
 * objects are repeated, never aliased.
 */
export function toYaml(value: unknown): string {
  const doc = new Document(value, {
    version: '1.1',
    aliasDuplicateObjects: false,
  });
  visit(doc, {
    Pair(_, pair) {
      if (
        isScalar(pair.key) &&
        pair.key.value === 'newTag' &&
        isScalar(pair.value)
      ) {
        pair.value.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString();
}

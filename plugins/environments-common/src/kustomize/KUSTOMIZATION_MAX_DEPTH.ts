/**
 * Deepest nesting of collections (block indentation levels plus `[`/`{` flow brackets) that
 * Stageline parses in a kustomization; real ones nest fewer than ten levels. Checked before the
 * YAML parser sees the text, whose cost and memory grow with the nesting.
 */
export const KUSTOMIZATION_MAX_DEPTH = 32;

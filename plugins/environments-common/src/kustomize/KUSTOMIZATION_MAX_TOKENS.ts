/**
 * Most YAML tokens Stageline parses in a kustomization: keys, values, indentation, indicators
 * such as `-` and `:`, brackets, commas, comments and line breaks, including the line breaks
 * inside multi-line strings and block scalars (`patch: |`), and each `\` in a double-quoted
 * string (the parser reports every invalid escape). Parsing costs about a microsecond per token,
 * so this, with {@link KUSTOMIZATION_MAX_BYTES}, bounds the time a flat but long file
 * (`[a,a,a,...]`, thousands of keys or lines) blocks the event loop. A 50-line kustomization has
 * about 270.
 */
export const KUSTOMIZATION_MAX_TOKENS = 10_000;

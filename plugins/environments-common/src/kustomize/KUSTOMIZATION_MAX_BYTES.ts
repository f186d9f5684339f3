/**
 * Largest kustomization file Stageline parses; real ones are a few KiB. Checked before anything
 * else reads the text. With the token limit (`KUSTOMIZATION_MAX_TOKENS`), it bounds the time one
 * parse blocks the event loop: some of the parser's work is per byte (long quoted strings, long
 * keys).
 *
 * @public
 */
export const KUSTOMIZATION_MAX_BYTES = 64 * 1024;

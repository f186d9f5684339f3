/**
 * Largest kustomization file Stageline parses; real ones are a few KiB, and the cap bounds the
 * cost of hostile input before the YAML parser sees it.
 *
 * @public
 */
export const KUSTOMIZATION_MAX_BYTES = 256 * 1024;

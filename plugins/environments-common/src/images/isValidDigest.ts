// Only sha256 is accepted: it is what registries and kustomize produce, and a fixed length
// rules out truncated digests that would still match the generic `algorithm:hex{32,}` rule.
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Whether `digest` is `sha256:` followed by exactly 64 lowercase hex characters.
 *
 * @public
 */
export function isValidDigest(digest: string): boolean {
  return SHA256_DIGEST.test(digest);
}

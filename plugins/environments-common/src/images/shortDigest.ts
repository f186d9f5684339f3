/**
 * The first 12 hex characters of a digest (`sha256:abcdef…` gives `abcdef012345`), as registries
 * and `docker images` show it.
 *
 * @public
 */
export function shortDigest(digest: string): string {
  return digest.slice(digest.indexOf(':') + 1).slice(0, 12);
}

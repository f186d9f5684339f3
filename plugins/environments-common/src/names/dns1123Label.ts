/**
 * A DNS-1123 label, as Kubernetes names namespaces and as Stageline names chains, environments
 * and overlays: lowercase letters, digits and `-`, starting and ending with a letter or digit.
 * The length limit (63) is checked by {@link isDns1123Label}, not by the pattern.
 *
 * @public
 */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Whether `value` is a DNS-1123 label of at most 63 characters.
 *
 * @public
 */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

import { previewNamespaceRegExp } from './previewNamespaceRegExp';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The pull request number of a preview namespace name, or undefined when the name is not a
 * DNS-1123 label matching the preview pattern (then it is not a preview, whatever it holds).
 */
export function previewNumberOf(
  name: unknown,
  namespacePattern: string,
): number | undefined {
  if (typeof name !== 'string' || !DNS_1123_LABEL.test(name)) return undefined;
  const match = previewNamespaceRegExp(namespacePattern).exec(name);
  return match ? Number(match[1]) : undefined;
}

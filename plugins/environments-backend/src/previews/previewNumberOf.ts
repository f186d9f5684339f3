import { isDns1123Label } from '@stageline/plugin-environments-common';
import { previewNamespaceRegExp } from './previewNamespaceRegExp';

/**
 * The pull request number of a preview namespace name, or undefined when the name is not a
 * DNS-1123 label matching the preview pattern (then it is not a preview, whatever it holds).
 */
export function previewNumberOf(
  name: unknown,
  namespacePattern: string,
): number | undefined {
  if (typeof name !== 'string' || !isDns1123Label(name)) return undefined;
  const match = previewNamespaceRegExp(namespacePattern).exec(name);
  return match ? Number(match[1]) : undefined;
}

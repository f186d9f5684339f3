/** `feature-pr-{number}` -> /^feature-pr-(\d+)$/, escaping everything but the placeholder. */
export function previewNamespaceRegExp(pattern: string): RegExp {
  const [before, after] = pattern.split('{number}');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`^${escape(before)}(\\d{1,9})${escape(after)}$`);
}

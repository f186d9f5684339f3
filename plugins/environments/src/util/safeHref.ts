/**
 * The URL when it is http(s), else undefined: links come from cluster, Git and catalog data,
 * and a `javascript:` URL must never become a link.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks an API server URL from config.
 *
 * @throws Error naming the config key when it is not an absolute http(s) URL.
 */
export function checkClusterUrl(key: string, url: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(
      `Invalid config at '${key}': '${url}' is not an http(s) URL`,
    );
  }
}

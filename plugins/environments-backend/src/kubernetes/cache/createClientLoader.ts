type K8s = typeof import('@kubernetes/client-node');

/**
 * Loads `@kubernetes/client-node` once, on first use: it is ESM-only and this package builds to
 * CommonJS, so it cannot be imported statically. `injected` replaces it in tests.
 */
export function createClientLoader(injected?: K8s): () => Promise<K8s> {
  let client: Promise<K8s> | undefined;
  return () => {
    client ??= injected
      ? Promise.resolve(injected)
      : import('@kubernetes/client-node');
    return client;
  };
}

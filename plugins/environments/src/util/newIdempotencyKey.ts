/** A fresh key per promote dialog, so a double click is one promotion. */
export function newIdempotencyKey(): string {
  const webCrypto: Crypto = globalThis.crypto;
  if (typeof webCrypto.randomUUID === 'function') {
    return webCrypto.randomUUID();
  }
  // Older browsers and test environments without randomUUID.
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

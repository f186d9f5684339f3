import type { IncomingMessage } from 'node:http';

// DeleteOptions bodies are tiny; anything larger is not a request we serve.
const MAX_BYTES = 64 * 1024;

/**
 * The JSON body of a request; `{}` when empty.
 *
 * @throws Error when the body is too large or not a JSON object.
 */
export async function readJsonBody(
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  const body = JSON.parse(text) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

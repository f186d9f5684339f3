import { InputError } from '@backstage/errors';

const PREFIX = 'after:';

/** An opaque cursor: the entity ref of the last service of a page. */
export function encodeFleetCursor(entityRef: string): string {
  return Buffer.from(`${PREFIX}${entityRef}`, 'utf8').toString('base64url');
}

/** The entity ref a cursor names. @throws InputError for anything else. */
export function decodeFleetCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) {
    throw new InputError("Invalid 'cursor': pass a page's nextCursor as it is");
  }
  return text.slice(PREFIX.length);
}

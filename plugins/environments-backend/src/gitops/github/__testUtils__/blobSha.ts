import { createHash } from 'node:crypto';

/** Git's blob SHA of `content` (`sha1("blob <size>\0<content>")`). */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

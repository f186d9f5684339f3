import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSafeRepoPath } from '../../../gitops/assertSafeRepoPath';
import type { BareClone } from '../../../gitops/local/BareClone';
import type { OverlayWriteRequest } from '../types';
import { withPromotionTrailer } from '../withPromotionTrailer';
import type { CloneObjects } from './CloneObjects';

/**
 * Commits `content` at the request's path on top of `baseTip` without a work tree: a private
 * index (removed afterwards) holds the base tree plus the new blob. Returns the new commit.
 */
export async function commitOverlay(
  clone: BareClone,
  objects: CloneObjects,
  input: {
    baseTip: string;
    request: OverlayWriteRequest;
    /** The file mode of the overlay at the base. */
    mode: string;
    content: string;
    author: { name: string; email: string };
  },
): Promise<string> {
  const { baseTip, request, mode, content, author } = input;
  const path = assertSafeRepoPath(request.path);
  const index = join(
    clone.dir,
    `stageline-index-${randomBytes(6).toString('hex')}`,
  );
  const env = { GIT_INDEX_FILE: index };
  try {
    const blob = await objects.line(
      ['hash-object', '-w', '--stdin'],
      Buffer.from(content, 'utf8'),
    );
    await clone.git(['read-tree', baseTip], { env });
    await clone.git(
      ['update-index', '--cacheinfo', `${mode},${blob},${path}`],
      { env },
    );
    const tree = await objects.line(['write-tree'], undefined, env);
    return await objects.line(
      [
        '-c',
        `user.name=${author.name}`,
        '-c',
        `user.email=${author.email}`,
        'commit-tree',
        '--no-gpg-sign',
        tree,
        '-p',
        baseTip,
        '-F',
        '-',
      ],
      Buffer.from(
        withPromotionTrailer(request.commitMessage, request.promotionId),
        'utf8',
      ),
    );
  } finally {
    await rm(index, { force: true });
  }
}

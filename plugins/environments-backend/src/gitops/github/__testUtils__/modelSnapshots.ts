import { createHash } from 'node:crypto';
import type { FileChanges, TreeEntry } from './modelTypes';

/** A commit's full snapshot after `changes`. */
export function applyChanges(
  files: Map<string, TreeEntry>,
  changes: FileChanges,
) {
  const next = new Map(files);
  for (const [path, change] of Object.entries(changes)) {
    if (change === null) next.delete(path);
    else
      next.set(
        path,
        typeof change === 'string' ? { type: 'file', content: change } : change,
      );
  }
  return next;
}

/** A stable 40-hex SHA for `seed`. */
export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

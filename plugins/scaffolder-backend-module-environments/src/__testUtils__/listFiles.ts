import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file and link under `root`, relative and sorted, to compare a folder before and after. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter(e => !e.isDirectory())
    .map(e => relative(root, join(e.parentPath, e.name)))
    .sort();
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './listFiles';

/** Every file under `root` with its bytes (as text), to compare a folder byte for byte. */
export async function readTree(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const file of await listFiles(root)) {
    tree[file] = await readFile(join(root, file), 'utf8');
  }
  return tree;
}

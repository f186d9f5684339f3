import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Replaces the preview placeholders in an overlay folder as the preview workflow does
 * (`sed -i "s/PRNUMBER/<n>/g; s/GITSHA/<sha>/g"`), so the rendered result can be validated.
 */
export async function fillPreviewPlaceholders(
  dir: string,
  prNumber: string,
  sha: string,
): Promise<void> {
  for (const file of await readdir(dir)) {
    const path = join(dir, file);
    const text = await readFile(path, 'utf8');
    await writeFile(
      path,
      text.replace(/PRNUMBER/g, prNumber).replace(/GITSHA/g, sha),
    );
  }
}

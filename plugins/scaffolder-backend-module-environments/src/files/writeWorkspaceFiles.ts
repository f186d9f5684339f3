import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WorkspaceFile } from './workspaceFile';
import { assertWritableTarget } from './assertWritableTarget';

/**
 * Writes all files or none: every target is checked before the first write, files are created
 * exclusively (never overwritten, never through a link), and a failure midway removes what
 * this call created.
 */
export async function writeWorkspaceFiles(
  workspacePath: string,
  files: WorkspaceFile[],
): Promise<void> {
  const targets: string[] = [];
  for (const file of files) {
    targets.push(await assertWritableTarget(workspacePath, file.path));
  }
  const created: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const firstNewDir = await mkdir(dirname(targets[index]), {
        recursive: true,
      });
      if (firstNewDir) created.push(firstNewDir);
      await writeFile(targets[index], file.content, { flag: 'wx' });
      created.push(targets[index]);
    }
  } catch (error) {
    for (const path of created.reverse()) {
      await rm(path, { recursive: true, force: true });
    }
    throw error;
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITOPS_BARE_REPO } from './GITOPS_BARE_REPO';
import { gitopsGit } from './gitopsGit';

/**
 * Commits new content for files to main (through a scratch clone) and pushes, as a person or a
 * promotion would; the demo cluster's sync loop picks it up within a second.
 */
export function commitToMain(
  files: Record<string, (text: string) => string>,
  message: string,
): void {
  const work = mkdtempSync(join(tmpdir(), 'stageline-e2e-'));
  try {
    gitopsGit(['clone', '-q', '--branch', 'main', GITOPS_BARE_REPO, work]);
    for (const [path, edit] of Object.entries(files)) {
      const file = join(work, path);
      writeFileSync(file, edit(readFileSync(file, 'utf8')));
    }
    gitopsGit(['commit', '-q', '-am', message], work);
    gitopsGit(['push', '-q', 'origin', 'main'], work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

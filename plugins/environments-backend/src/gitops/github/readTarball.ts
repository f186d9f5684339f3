import { ServiceUnavailableError } from '@backstage/errors';
import { Parser, type ReadEntry } from 'tar';

/**
 * The contents of `wanted` paths in a (gzipped) tar archive as GitHub serves repositories: every
 * entry under one top folder, which is dropped. Other entries are skipped without buffering.
 */
export async function readTarball(
  archive: Buffer,
  wanted: Map<string, unknown>,
): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({ strict: true });
    parser.on('entry', (entry: ReadEntry) => {
      const path = entry.path.slice(entry.path.indexOf('/') + 1);
      const isFile = entry.type === 'File' || entry.type === 'OldFile';
      if (!isFile || !wanted.has(path)) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => contents.set(path, Buffer.concat(chunks)));
    });
    // A broken download is GitHub's (or a proxy's) failure, not a bad argument.
    parser.on('error', error =>
      reject(
        new ServiceUnavailableError(
          `Could not read the repository archive: ${error}`,
        ),
      ),
    );
    parser.on('end', () => resolve());
    parser.end(archive);
  });
  return contents;
}

import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { gitTree } from './gitTree';
import type { ModelCommit, ModelRepo } from './modelTypes';

/** The one folder GitHub puts a legacy tarball's entries in: `{owner}-{repo}-{sha7}`. */
export function legacyTarballRoot(repo: ModelRepo, sha: string): string {
  return `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`;
}

/**
 * The gzip tarball GitHub's codeload serves for `commit`, built in memory: entries in Git's
 * order under {@link legacyTarballRoot}, a folder entry for it and for every folder below,
 * files with their content, symlinks as symlinks, submodules as empty folders (as `git archive`
 * writes them), all dated with the commit. Unlike GitHub it has no `pax_global_header` record
 * with the commit SHA (tar-stream 2.x cannot write one).
 */
export async function legacyTarball(
  repo: ModelRepo,
  commit: ModelCommit,
): Promise<Buffer> {
  const root = legacyTarballRoot(repo, commit.sha);
  const mtime = new Date(commit.date);
  const tar = pack();
  // git archive's defaults (tar.umask 002), which GitHub's tarballs show.
  const folder = (name: string) =>
    tar.entry({ name: `${name}/`, type: 'directory', mode: 0o775, mtime });
  folder(root);
  for (const item of gitTree(commit.files).items) {
    const name = `${root}/${item.path}`;
    const entry = item.entry;
    if (entry?.type === 'file') {
      tar.entry({ name, type: 'file', mode: 0o664, mtime }, entry.content);
    } else if (entry?.type === 'symlink') {
      tar.entry({
        name,
        type: 'symlink',
        linkname: entry.target,
        mode: 0o777,
        mtime,
      });
    } else {
      folder(name);
    }
  }
  tar.finalize();
  return promisify(gzip)(await buffer(tar));
}

import { createHash } from 'node:crypto';
import { blobSha } from './blobSha';
import type { TreeEntry } from './modelTypes';

/** One object of a Git tree, as the Git trees API lists it (`path` from the listed tree). */
export type GitTreeItem = {
  path: string;
  mode: '040000' | '100644' | '120000' | '160000';
  /** `commit` is a submodule (gitlink), as GitHub reports it. */
  type: 'tree' | 'blob' | 'commit';
  sha: string;
  /** Bytes of a blob (a file's content or a symlink's target); absent for trees and commits. */
  size?: number;
  /** The model entry behind a blob or submodule; absent for folders. */
  entry?: TreeEntry;
};

/** A commit's snapshot as Git stores it: the root tree's SHA and every object below it. */
export type GitTree = {
  sha: string;
  /** Every object, depth-first in Git's tree order (a folder right before its contents). */
  items: GitTreeItem[];
};

type Folder = { folders: Map<string, Folder>; entries: Map<string, TreeEntry> };

// Snapshots are replaced on every change, never edited (GithubModel copies the map), so a tree
// computed for a snapshot stays right; keyed weakly so dropped commits are not kept alive.
const cache = new WeakMap<Map<string, TreeEntry>, GitTree>();

/**
 * The Git tree of a snapshot, with the SHAs Git itself would compute: blob SHAs as in
 * {@link blobSha} (the same the Contents API reports), tree SHAs over the sorted child entries
 * (`<mode> <name>\0<sha bytes>`), so a folder's SHA changes exactly when something below it does.
 */
export function gitTree(files: Map<string, TreeEntry>): GitTree {
  let tree = cache.get(files);
  if (!tree) {
    const root: Folder = { folders: new Map(), entries: new Map() };
    for (const [path, entry] of files) {
      const parts = path.split('/');
      let folder = root;
      for (const name of parts.slice(0, -1)) {
        let child = folder.folders.get(name);
        if (!child) {
          child = { folders: new Map(), entries: new Map() };
          folder.folders.set(name, child);
        }
        folder = child;
      }
      folder.entries.set(parts[parts.length - 1], entry);
    }
    const items: GitTreeItem[] = [];
    tree = { sha: hashFolder(root, '', items), items };
    cache.set(files, tree);
  }
  return tree;
}

/**
 * The objects of the folder `folder` ('' for the root) of `tree`, with paths relative to it:
 * its direct children, or with `recursive` everything below it.
 */
export function gitTreeItems(
  tree: GitTree,
  folder: string,
  recursive: boolean,
): GitTreeItem[] {
  const prefix = folder ? `${folder}/` : '';
  return tree.items
    .filter(item => item.path.startsWith(prefix))
    .map(item => ({ ...item, path: item.path.slice(prefix.length) }))
    .filter(item => recursive || !item.path.includes('/'));
}

/** The tree SHA of the folder `folder` ('' for the root) of `tree`, if it has that folder. */
export function gitTreeFolderSha(
  tree: GitTree,
  folder: string,
): string | undefined {
  if (!folder) return tree.sha;
  return tree.items.find(item => item.type === 'tree' && item.path === folder)
    ?.sha;
}

/** Hashes `folder` and appends its objects to `out` in Git's order; returns its tree SHA. */
function hashFolder(folder: Folder, path: string, out: GitTreeItem[]) {
  const children = [
    ...[...folder.folders.keys()].map(name => ({ name, isFolder: true })),
    ...[...folder.entries.keys()].map(name => ({ name, isFolder: false })),
  ].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const records: Buffer[] = [];
  for (const { name, isFolder } of children) {
    const childPath = path ? `${path}/${name}` : name;
    let item: GitTreeItem;
    if (isFolder) {
      // Placeholder first, so the folder precedes its contents in the listing, as on GitHub.
      item = { path: childPath, mode: '040000', type: 'tree', sha: '' };
      out.push(item);
      item.sha = hashFolder(folder.folders.get(name)!, childPath, out);
    } else {
      item = blobItem(childPath, folder.entries.get(name)!);
      out.push(item);
    }
    // Git writes a tree's mode without the leading zero the API shows.
    records.push(
      Buffer.from(`${item.mode.replace(/^0/, '')} ${name}\0`, 'utf8'),
      Buffer.from(item.sha, 'hex'),
    );
  }
  const body = Buffer.concat(records);
  return createHash('sha1')
    .update(`tree ${body.length}\0`)
    .update(body)
    .digest('hex');
}

function blobItem(path: string, entry: TreeEntry): GitTreeItem {
  switch (entry.type) {
    case 'file':
      return {
        path,
        mode: '100644',
        type: 'blob',
        sha: blobSha(entry.content),
        size: Buffer.byteLength(entry.content),
        entry,
      };
    case 'symlink':
      // Git stores a symlink as a blob holding the target path.
      return {
        path,
        mode: '120000',
        type: 'blob',
        sha: blobSha(entry.target),
        size: Buffer.byteLength(entry.target),
        entry,
      };
    default:
      return { path, mode: '160000', type: 'commit', sha: entry.sha, entry };
  }
}

// Git orders entries by name bytes, comparing a folder as if its name ended in '/'.
function sortKey(child: { name: string; isFolder: boolean }) {
  return Buffer.from(`${child.name}${child.isFolder ? '/' : '\0'}`, 'utf8');
}

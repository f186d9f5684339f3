/** One entry of `git ls-tree -l -z` output. */
export type TreeEntry = {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Bytes for blobs; undefined for trees and submodules. */
  size?: number;
  name: string;
};

/** Parses `git ls-tree -l -z` output (`<mode> <type> <oid> <size>\t<name>\0`...). */
export function parseLsTree(output: Buffer): TreeEntry[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const tab = line.indexOf('\t');
      const [mode, type, oid, size] = line.slice(0, tab).trim().split(/\s+/);
      return {
        mode,
        type: type as TreeEntry['type'],
        oid,
        size: size === '-' ? undefined : Number(size),
        name: line.slice(tab + 1),
      };
    });
}

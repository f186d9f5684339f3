import { blobSha } from '../blobSha';
import type { TreeEntry } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { wrapBase64 } from './wrapBase64';

/**
 * One Contents API object for `path` at `ref`. `listing` gives the shape of a directory listing
 * item (no content; GitHub reports submodules there as type `file`, for backwards compatibility).
 * `treeSha` is a folder's Git tree SHA (as the Git trees route reports it).
 */
export function contentJson(
  urls: GithubUrls,
  input: {
    fullName: string;
    ref: string;
    path: string;
    entry: TreeEntry | 'dir';
    listing?: boolean;
    treeSha?: string;
  },
) {
  const { fullName, ref, path, entry } = input;
  const api = urls.repoApi(fullName);
  const web = urls.repoWeb(fullName);
  const sha = entrySha(path, entry, input.treeSha);
  const type = entry === 'dir' ? 'dir' : entry.type;
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
  const htmlUrl = `${web}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
  const base = {
    name: path.split('/').pop()!,
    path,
    sha,
    size:
      entry !== 'dir' && entry.type === 'file'
        ? Buffer.byteLength(entry.content)
        : 0,
    url: self,
    html_url: htmlUrl,
    git_url: gitUrl,
    download_url:
      type === 'file' || type === 'symlink'
        ? `${urls.web.replace('://', '://raw.')}/${fullName}/${ref}/${path}`
        : null,
    type: input.listing && type === 'submodule' ? 'file' : type,
    _links: { self, git: gitUrl, html: htmlUrl },
  };
  if (input.listing || entry === 'dir') return base;
  switch (entry.type) {
    case 'file':
      return {
        ...base,
        content: wrapBase64(entry.content),
        encoding: 'base64',
      };
    case 'symlink':
      return { ...base, target: entry.target };
    default:
      return { ...base, submodule_git_url: entry.url };
  }
}

function entrySha(path: string, entry: TreeEntry | 'dir', treeSha?: string) {
  if (entry === 'dir') return treeSha ?? blobSha(`tree:${path}`);
  if (entry.type === 'file') return blobSha(entry.content);
  if (entry.type === 'symlink') return blobSha(entry.target);
  return entry.sha;
}

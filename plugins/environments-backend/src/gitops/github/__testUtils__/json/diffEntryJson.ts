import { blobSha } from '../blobSha';
import type { ModelRepo, TreeEntry } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';

/**
 * One `diff-entry` (a file of a commit) as GitHub reports it: status, line counts (a plain count
 * of lines only on one side, enough for a stand-in), and the blob, raw and contents links at the
 * commit. `before` or `after` is undefined for an added or removed file.
 */
export function diffEntryJson(
  urls: GithubUrls,
  repo: ModelRepo,
  input: {
    sha: string;
    path: string;
    before?: TreeEntry;
    after?: TreeEntry;
  },
) {
  const { before, after, path } = input;
  let status = 'modified';
  if (!before) status = 'added';
  else if (!after) status = 'removed';
  const { additions, deletions } = lineCounts(before, after);
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const web = urls.repoWeb(repo.fullName);
  return {
    sha: entrySha(after ?? before!),
    filename: path,
    status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${web}/blob/${input.sha}/${encoded}`,
    raw_url: `${web}/raw/${input.sha}/${encoded}`,
    contents_url: `${urls.repoApi(repo.fullName)}/contents/${encoded}?ref=${
      input.sha
    }`,
  };
}

function entrySha(entry: TreeEntry): string {
  if (entry.type === 'file') return blobSha(entry.content);
  if (entry.type === 'symlink') return blobSha(entry.target);
  return entry.sha;
}

function lines(entry?: TreeEntry): string[] {
  if (entry?.type !== 'file') return [];
  return entry.content
    .split('\n')
    .filter((line, i, all) => i < all.length - 1 || line);
}

function lineCounts(before?: TreeEntry, after?: TreeEntry) {
  const old = lines(before);
  const next = lines(after);
  const remaining = [...old];
  let additions = 0;
  for (const line of next) {
    const at = remaining.indexOf(line);
    if (at >= 0) remaining.splice(at, 1);
    else additions++;
  }
  return { additions, deletions: remaining.length };
}

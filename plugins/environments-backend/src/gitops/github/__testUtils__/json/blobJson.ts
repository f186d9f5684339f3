import type { ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { wrapBase64 } from './wrapBase64';

/** A `blob` object: `content` is the blob's text (a file's content or a symlink's target). */
export function blobJson(
  urls: GithubUrls,
  repo: ModelRepo,
  input: { sha: string; content: string },
) {
  return {
    sha: input.sha,
    node_id: Buffer.from(`04:Blob${repo.id}:${input.sha}`).toString('base64'),
    size: Buffer.byteLength(input.content),
    url: `${urls.repoApi(repo.fullName)}/git/blobs/${input.sha}`,
    content: wrapBase64(input.content),
    encoding: 'base64',
  };
}

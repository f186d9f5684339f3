import { posix } from 'node:path';
import { gitTree, gitTreeFolderSha } from '../gitTree';
import type { ModelCommit } from '../modelTypes';
import { contentJson } from '../json/contentJson';
import { notFound } from '../notFound';
import type { RouteInput, StandInRoute } from '../StandInRoute';

/**
 * `GET /repos/{owner}/{repo}/contents/{path}?ref=`: a file, symlink or submodule object, or a
 * folder listing. Like GitHub, a symlink whose target is a regular file in the repository is
 * answered with the target's content (and the target's path).
 */
export const contentsRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/contents/{path}',
  pattern: /^\/contents(?:\/(.*))?$/,
  handle(input) {
    const { model, repo, url, urls } = input;
    const ref = url.searchParams.get('ref') ?? repo.defaultBranch;
    const commit = model.resolve(repo, ref);
    if (!commit) return notFound(`No commit found for the ref ${ref}`);
    const path = (input.params[0] ?? '').replace(/\/+$/, '');
    const entry = commit.files.get(path);
    const json = (
      p: string,
      e: Parameters<typeof contentJson>[1]['entry'],
      listing = false,
    ) =>
      contentJson(urls, {
        fullName: repo.fullName,
        ref,
        path: p,
        entry: e,
        listing,
        // A folder's SHA is its Git tree SHA, so `git_url` leads to the trees route.
        treeSha:
          e === 'dir' ? gitTreeFolderSha(gitTree(commit.files), p) : undefined,
      });
    if (entry?.type === 'symlink') {
      const target = posix.normalize(
        posix.join(posix.dirname(path), entry.target),
      );
      const targetEntry = commit.files.get(target);
      return {
        status: 200,
        body:
          targetEntry?.type === 'file'
            ? json(target, targetEntry)
            : json(path, entry),
      };
    }
    if (entry) return { status: 200, body: json(path, entry) };
    const children = listChildren(commit, path);
    if (!children.length) return notFound();
    return {
      status: 200,
      body: children.map(child => json(child.path, child.entry, true)),
    };
  },
};

function listChildren(commit: ModelCommit, dir: string) {
  const prefix = dir ? `${dir}/` : '';
  const names = new Set<string>();
  for (const file of commit.files.keys()) {
    if (file.startsWith(prefix))
      names.add(file.slice(prefix.length).split('/')[0]);
  }
  return [...names].sort().map(name => {
    const path = `${prefix}${name}`;
    return { path, entry: commit.files.get(path) ?? ('dir' as const) };
  });
}

export type ContentsRouteInput = RouteInput;

import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { Octokit } from '@octokit/rest';
import { setupServer } from 'msw/node';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { blobSha } from '../blobSha';
import { createGithubStandIn } from '../createGithubStandIn';
import type { GithubStandIn } from '../GithubStandIn';

const TOKEN = 'ghp_snapshot0123456789';
const FILES = {
  'README.md': '# gitops\n',
  'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'k8s/base/deployment.yaml': `kind: Deployment\n${'# padding\n'.repeat(12)}`,
  'k8s/overlays/qa/kustomization.yaml': 'images: []\n',
  'k8s/overlays/qa/link.yaml': {
    type: 'symlink' as const,
    target: 'kustomization.yaml',
  },
};

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;
let octokit: Octokit;

beforeEach(() => {
  standIn = createGithubStandIn({ token: TOKEN });
  server.use(...standIn.handlers);
  standIn.model.addRepo('acme/gitops', { files: FILES });
  // The product's client: Octokit v19 over the global fetch msw intercepts.
  octokit = new Octokit({ auth: TOKEN });
});

const repo = { owner: 'acme', repo: 'gitops' };

/** Regular files of the model at `ref`: path -> content. */
function modelFiles(ref: string) {
  const model = standIn.model;
  const commit = model.resolve(model.repo('acme/gitops')!, ref)!;
  const files: Record<string, string> = {};
  for (const [path, entry] of commit.files) {
    if (entry.type === 'file') files[path] = entry.content;
  }
  return files;
}

type TarEntry = {
  name: string;
  type: string;
  content: string;
  linkname?: string;
};

async function untar(gzipped: Buffer): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const extractor = extract();
  const done = new Promise<void>((resolve, reject) => {
    extractor.on('finish', () => resolve());
    extractor.on('error', reject);
  });
  extractor.on('entry', (header, stream, next) => {
    buffer(stream).then(content => {
      entries.push({
        name: header.name,
        type: header.type ?? 'file',
        content: content.toString('utf8'),
        ...(header.linkname && { linkname: header.linkname }),
      });
      next();
    }, next);
  });
  extractor.end(gunzipSync(gzipped));
  await done;
  return entries;
}

describe('snapshot routes (Git trees, blobs, tarball) through Octokit', () => {
  it('lists every file of the branch with its blob SHA in the recursive tree', async () => {
    const { data } = await octokit.rest.git.getTree({
      ...repo,
      tree_sha: 'main',
      recursive: '1',
    });

    expect(data.truncated).toBe(false);
    const blobs = data.tree.filter(e => e.mode === '100644');
    expect(
      Object.fromEntries(
        blobs.map(e => [e.path, { sha: e.sha, size: e.size }]),
      ),
    ).toEqual(
      Object.fromEntries(
        Object.entries(modelFiles('main')).map(([path, content]) => [
          path,
          { sha: blobSha(content), size: Buffer.byteLength(content) },
        ]),
      ),
    );
    expect(data.tree.filter(e => e.type === 'tree').map(e => e.path)).toEqual([
      'k8s',
      'k8s/base',
      'k8s/overlays',
      'k8s/overlays/qa',
    ]);
    expect(data.tree).toContainEqual(
      expect.objectContaining({
        path: 'k8s/overlays/qa/link.yaml',
        mode: '120000',
        type: 'blob',
        sha: blobSha('kustomization.yaml'),
      }),
    );
    // The SHA the Contents API reports for a file is the tree's blob SHA.
    const { data: file } = await octokit.rest.repos.getContent({
      ...repo,
      path: 'k8s/base/deployment.yaml',
    });
    expect(blobs).toContainEqual(
      expect.objectContaining({ sha: (file as { sha: string }).sha }),
    );
  });

  it('lists only the root without recursive, and a folder by its tree SHA', async () => {
    const { data: root } = await octokit.rest.git.getTree({
      ...repo,
      tree_sha: 'main',
    });
    expect(root.tree.map(e => [e.path, e.type])).toEqual([
      ['README.md', 'blob'],
      ['k8s', 'tree'],
    ]);
    const k8s = root.tree.find(e => e.path === 'k8s')!;
    expect(k8s).not.toHaveProperty('size');

    const { data: folder } = await octokit.rest.git.getTree({
      ...repo,
      tree_sha: k8s.sha!,
    });
    expect(folder.sha).toBe(k8s.sha);
    expect(folder.tree.map(e => e.path)).toEqual(['base', 'overlays']);
  });

  it('answers a blob with base64 content (wrapped like GitHub) that decodes to the file', async () => {
    const content = FILES['k8s/base/deployment.yaml'];
    const { data } = await octokit.rest.git.getBlob({
      ...repo,
      file_sha: blobSha(content),
    });

    expect(data).toMatchObject({
      sha: blobSha(content),
      size: Buffer.byteLength(content),
      encoding: 'base64',
    });
    expect(data.content.split('\n')[0]).toHaveLength(60);
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(content);
  });

  it('finds a blob that only an older commit has', async () => {
    standIn.model.commit('acme/gitops', {
      files: { 'README.md': null },
      message: 'drop readme',
    });
    const { data } = await octokit.rest.git.getBlob({
      ...repo,
      file_sha: blobSha(FILES['README.md']),
    });
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(
      FILES['README.md'],
    );
  });

  it('downloads the tarball through the redirect: a gzip tar of the commit under one top folder', async () => {
    const sha = standIn.model.repo('acme/gitops')!.branches.get('main')!;
    const response = await octokit.rest.repos.downloadTarballArchive({
      ...repo,
      ref: 'main',
    });

    expect(response.status).toBe(200);
    expect(response.url).toMatch(
      new RegExp(
        `^https://codeload\\.github\\.com/acme/gitops/legacy\\.tar\\.gz/${sha}\\?token=`,
      ),
    );
    expect(response.headers['content-type']).toBe('application/x-gzip');
    expect(Object.prototype.toString.call(response.data)).toBe(
      '[object ArrayBuffer]',
    );
    const entries = await untar(Buffer.from(response.data as ArrayBuffer));
    const top = `acme-gitops-${sha.slice(0, 7)}/`;
    expect(entries[0]).toMatchObject({ name: top, type: 'directory' });
    expect(entries.every(e => e.name.startsWith(top))).toBe(true);
    const strip = (name: string) => name.slice(top.length);
    expect(
      Object.fromEntries(
        entries
          .filter(e => e.type === 'file')
          .map(e => [strip(e.name), e.content]),
      ),
    ).toEqual(modelFiles(sha));
    expect(entries).toContainEqual(
      expect.objectContaining({
        name: `${top}k8s/overlays/qa/link.yaml`,
        type: 'symlink',
        linkname: 'kustomization.yaml',
      }),
    );
    expect(
      entries.filter(e => e.type === 'directory').map(e => strip(e.name)),
    ).toEqual(['', 'k8s/', 'k8s/base/', 'k8s/overlays/', 'k8s/overlays/qa/']);

    // Both legs are GitHub requests; the redirect dropped the token (another origin), the
    // pre-signed URL stood in for it.
    expect(
      standIn.requests.entries.map(e => [e.path, e.status, !!e.authorization]),
    ).toEqual([
      ['/repos/acme/gitops/tarball/main', 302, true],
      [`/_codeload/acme/gitops/legacy.tar.gz/${sha}`, 200, false],
    ]);
  });

  it('downloads the tarball of a commit SHA, unchanged by later commits', async () => {
    const old = standIn.model.repo('acme/gitops')!.branches.get('main')!;
    standIn.model.commit('acme/gitops', {
      files: { 'k8s/overlays/qa/kustomization.yaml': 'images: [app]\n' },
      message: 'promote',
    });
    const { data } = await octokit.rest.repos.downloadTarballArchive({
      ...repo,
      ref: old,
    });
    const entries = await untar(Buffer.from(data as ArrayBuffer));
    expect(entries).toContainEqual(
      expect.objectContaining({
        name: `acme-gitops-${old.slice(
          0,
          7,
        )}/k8s/overlays/qa/kustomization.yaml`,
        content: 'images: []\n',
      }),
    );
  });

  it('on a GHES base URL redirects to /_codeload on the same host, keeping the token', async () => {
    const baseUrl = 'https://ghes.example.com/api/v3';
    const ghes = createGithubStandIn({ baseUrl, token: TOKEN });
    server.use(...ghes.handlers);
    ghes.model.addRepo('acme/gitops', { files: FILES });
    const sha = ghes.model.repo('acme/gitops')!.branches.get('main')!;

    const response = await new Octokit({
      auth: TOKEN,
      baseUrl,
    }).rest.repos.downloadTarballArchive({ ...repo, ref: 'main' });

    expect(response.url).toContain(
      `https://ghes.example.com/_codeload/acme/gitops/legacy.tar.gz/${sha}?token=`,
    );
    const entries = await untar(Buffer.from(response.data as ArrayBuffer));
    expect(entries.filter(e => e.type === 'file')).toHaveLength(4);
    expect(
      ghes.requests.entries.map(e => [e.status, !!e.authorization]),
    ).toEqual([
      [302, true],
      [200, true],
    ]);
  });

  it('refuses a codeload URL that is neither pre-signed nor authorized', async () => {
    const sha = standIn.model.repo('acme/gitops')!.branches.get('main')!;
    const url = standIn.urls.codeloadTarball('acme/gitops', sha);

    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${url}?token=forged`)).status).toBe(401);
    const authorized = await fetch(url, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(authorized.status).toBe(200);
    expect(standIn.requests.count(401, '/_codeload/')).toBe(2);
  });

  it('changes the branch tree after a commit, not the old commit tree', async () => {
    const old = standIn.model.repo('acme/gitops')!.branches.get('main')!;
    const tree = (tree_sha: string) =>
      octokit.rest.git
        .getTree({ ...repo, tree_sha, recursive: '1' })
        .then(r => r.data);
    const before = await tree('main');
    const oldBefore = await tree(old);
    expect(oldBefore).toEqual(before);

    standIn.model.commit('acme/gitops', {
      files: { 'k8s/overlays/qa/kustomization.yaml': 'images: [app]\n' },
      message: 'promote',
    });
    const after = await tree('main');
    const shaOf = (t: typeof before, path: string) =>
      t.tree.find(e => e.path === path)?.sha;

    expect(after.sha).not.toBe(before.sha);
    // Every folder on the changed path gets a new SHA; a sibling folder keeps its own.
    for (const path of ['k8s', 'k8s/overlays', 'k8s/overlays/qa']) {
      expect(shaOf(after, path)).not.toBe(shaOf(before, path));
    }
    expect(shaOf(after, 'k8s/base')).toBe(shaOf(before, 'k8s/base'));
    expect(shaOf(after, 'k8s/overlays/qa/kustomization.yaml')).toBe(
      blobSha('images: [app]\n'),
    );
    await expect(tree(old)).resolves.toEqual(oldBefore);
  });

  it('answers If-None-Match with 304 for an unchanged tree or blob, with 200 once the branch moved', async () => {
    const ifNoneMatch = (etag?: string) =>
      etag ? { headers: { 'if-none-match': etag } } : {};
    const tree = (etag?: string) =>
      octokit.rest.git.getTree({
        ...repo,
        tree_sha: 'main',
        recursive: '1',
        ...ifNoneMatch(etag),
      });
    const blob = (etag?: string) =>
      octokit.rest.git.getBlob({
        ...repo,
        file_sha: blobSha(FILES['README.md']),
        ...ifNoneMatch(etag),
      });
    const treeEtag = (await tree()).headers.etag;
    const blobEtag = (await blob()).headers.etag;

    await expect(tree(treeEtag)).rejects.toMatchObject({ status: 304 });
    await expect(blob(blobEtag)).rejects.toMatchObject({ status: 304 });
    standIn.model.commit('acme/gitops', {
      files: { 'n.txt': 'n' },
      message: 'n',
    });
    await expect(tree(treeEtag)).resolves.toMatchObject({ status: 200 });
    expect(standIn.requests.byStatus()).toEqual({ 200: 3, 304: 2 });
  });

  it.each([
    [
      'tree of an unknown repository',
      () =>
        octokit.rest.git.getTree({
          owner: 'acme',
          repo: 'nope',
          tree_sha: 'main',
        }),
    ],
    [
      'tree of an unknown SHA',
      () => octokit.rest.git.getTree({ ...repo, tree_sha: 'f'.repeat(40) }),
    ],
    [
      'tree of an unknown branch',
      () => octokit.rest.git.getTree({ ...repo, tree_sha: 'nope' }),
    ],
    [
      'blob of an unknown SHA',
      () => octokit.rest.git.getBlob({ ...repo, file_sha: 'f'.repeat(40) }),
    ],
    [
      'blob of an unknown repository',
      () =>
        octokit.rest.git.getBlob({
          owner: 'acme',
          repo: 'nope',
          file_sha: blobSha('# gitops\n'),
        }),
    ],
    [
      'tarball of an unknown ref',
      () =>
        octokit.rest.repos.downloadTarballArchive({
          ...repo,
          ref: 'f'.repeat(40),
        }),
    ],
    [
      'tarball of an unknown repository',
      () =>
        octokit.rest.repos.downloadTarballArchive({
          owner: 'acme',
          repo: 'nope',
          ref: 'main',
        }),
    ],
  ])('404 for the %s', async (_, call) => {
    await expect(call()).rejects.toMatchObject({ status: 404 });
  });
});

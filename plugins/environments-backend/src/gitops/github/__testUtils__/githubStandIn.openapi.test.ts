import { registerMswTestHooks } from '@backstage/backend-test-utils';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from './createGithubStandIn';

type Schema = Record<string, unknown>;
type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<
          string,
          { content?: Record<string, { schema: Schema }> }
        >;
      }
    >
  >;
};

// GitHub's published description, fully dereferenced (large: loaded once for the file).
const spec: OpenApi = JSON.parse(
  readFileSync(
    require.resolve('@octokit/openapi/generated/api.github.com.deref.json'),
    'utf8',
  ),
);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int32', true);
ajv.addFormat('int64', true);

/**
 * OpenAPI 3.0 `nullable` is not JSON Schema: rewrite it as "or null" for ajv. GitHub's `oneOf`
 * alternatives often overlap (a basic error matches both error shapes of a contents 409), so
 * they are read as `anyOf`.
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    out[key === 'oneOf' ? 'anyOf' : key] =
      key === 'enum' || key === 'required' ? value : toJsonSchema(value);
  }
  if ((schema as Schema).nullable === true) {
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const validators = new Map<string, ValidateFunction>();
function validator(path: string, method: string, status: number) {
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const response =
      spec.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
    const schema = response?.content?.['application/json']?.schema;
    if (!schema)
      throw new Error(
        `GitHub's description has no JSON ${status} response for ${key}`,
      );
    validate = ajv.compile(toJsonSchema(schema) as Schema);
    validators.set(key, validate);
  }
  return validate;
}

const TOKEN = 'schema-test-token';
const server = setupServer();
registerMswTestHooks(server);

const standIn = createGithubStandIn({ token: TOKEN, compareLimit: 2 });
const validated = new Map<string, number>();

beforeAll(() => {
  const { model } = standIn;
  model.addRepo('acme/gitops', {
    files: {
      'k8s/overlays/qa/kustomization.yaml': 'images: []\n',
      'k8s/overlays/staging/kustomization.yaml': 'images: []\n',
      'k8s/overlays/link.yaml': {
        type: 'symlink',
        target: 'qa/kustomization.yaml',
      },
      'k8s/overlays/dangling': { type: 'symlink', target: '../../nowhere' },
      'vendor/lib': {
        type: 'submodule',
        url: 'https://github.com/acme/lib.git',
        sha: 'b'.repeat(40),
      },
    },
  });
  model.createBranch('acme/gitops', 'stageline/checkout/qa');
  model.commit('acme/gitops', {
    branch: 'stageline/checkout/qa',
    files: { 'k8s/overlays/qa/kustomization.yaml': 'images:\n  - name: app\n' },
    message: 'Promote checkout to qa',
    author: 'alice',
  });
  model.openPullRequest('acme/gitops', {
    head: 'stageline/checkout/qa',
    title: 'Promote',
    user: 'alice',
    body: 'Body',
  });
  model.createBranch('acme/gitops', 'feature');
  model.commit('acme/gitops', {
    branch: 'feature',
    files: { 'a.txt': 'a' },
    message: 'a',
  });
  const merged = model.openPullRequest('acme/gitops', {
    head: 'feature',
    title: 'Feature',
  });
  model.mergePullRequest('acme/gitops', merged, { user: 'bob' });
  model.openPullRequest('acme/gitops', {
    head: 'stageline/checkout/staging',
    title: 'Fork',
    user: 'mallory',
    fromFork: true,
  });
  for (let i = 0; i < 3; i++)
    model.commit('acme/gitops', {
      files: { 'n.txt': `${i}` },
      message: `Change ${i} (#${i + 10})`,
    });
  model.addRepo('acme/writes', {
    files: { 'k8s/overlays/qa/kustomization.yaml': 'images: []\n' },
  });
  model.addWorkflow('acme/writes', 'deploy.yml');
});

beforeEach(() => server.use(...standIn.handlers));

async function checkAgainstSpec(
  openapiPath: string,
  requestPath: string,
  expectedStatus = 200,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
  const response = await fetch(`${standIn.urls.api}${requestPath}`, {
    headers: {
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
    },
  });
  expect(response.status).toBe(expectedStatus);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  const validate = validator(openapiPath, 'GET', expectedStatus);
  if (!validate(body)) {
    throw new Error(
      `${requestPath} does not match GitHub's ${openapiPath} ${expectedStatus} schema:\n${ajv.errorsText(
        validate.errors,
        { separator: '\n' },
      )}`,
    );
  }
  const key = `GET ${openapiPath}`;
  validated.set(key, (validated.get(key) ?? 0) + 1);
  return body;
}

/** Sends a write (or any request with a JSON body) and validates the answer like checkAgainstSpec. */
async function checkWrite(
  openapiPath: string,
  method: string,
  requestPath: string,
  body: unknown,
  expectedStatus: number,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
  const response = await fetch(`${standIn.urls.api}${requestPath}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(expectedStatus);
  const key = `${method} ${openapiPath}`;
  validated.set(key, (validated.get(key) ?? 0) + 1);
  if (expectedStatus === 204) {
    expect(await response.text()).toBe('');
    return undefined;
  }
  const json = await response.json();
  const validate = validator(openapiPath, method, expectedStatus);
  if (!validate(json)) {
    throw new Error(
      `${method} ${requestPath} does not match GitHub's ${openapiPath} ${expectedStatus} schema:\n${ajv.errorsText(
        validate.errors,
        { separator: '\n' },
      )}`,
    );
  }
  return json;
}

const CONTENTS = '/repos/{owner}/{repo}/contents/{path}';
const COMMITS = '/repos/{owner}/{repo}/commits';
const COMMIT = '/repos/{owner}/{repo}/commits/{ref}';
const PULLS = '/repos/{owner}/{repo}/pulls';
const PULL = '/repos/{owner}/{repo}/pulls/{pull_number}';
const COMPARE = '/repos/{owner}/{repo}/compare/{basehead}';
const GIT_REF = '/repos/{owner}/{repo}/git/ref/{ref}';
const GIT_REFS = '/repos/{owner}/{repo}/git/refs';
const GIT_REF_UPDATE = '/repos/{owner}/{repo}/git/refs/{ref}';
const MERGE = '/repos/{owner}/{repo}/pulls/{pull_number}/merge';
const DISPATCH =
  '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';
const RUNS = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';
const RUN = '/repos/{owner}/{repo}/actions/runs/{run_id}';
const TREE = '/repos/{owner}/{repo}/git/trees/{tree_sha}';
const BLOB = '/repos/{owner}/{repo}/git/blobs/{file_sha}';
const TARBALL = '/repos/{owner}/{repo}/tarball/{ref}';

describe('GitHub stand-in against GitHub OpenAPI description', () => {
  it.each([
    ['a file', 'k8s%2Foverlays%2Fqa%2Fkustomization.yaml?ref=main', 'file'],
    ['a folder', 'k8s%2Foverlays?ref=main', 'folder'],
    ['the root folder', '', 'folder'],
    [
      'a symlink to a file (answered with the target)',
      'k8s/overlays/link.yaml',
      'file',
    ],
    ['a dangling symlink', 'k8s/overlays/dangling', 'symlink'],
    ['a submodule', 'vendor/lib', 'submodule'],
    [
      'a file on another branch',
      'k8s/overlays/qa/kustomization.yaml?ref=stageline%2Fcheckout%2Fqa',
      'file',
    ],
  ])('contents: %s', async (_, path, type) => {
    const body = await checkAgainstSpec(
      CONTENTS,
      `/repos/acme/gitops/contents/${path}`,
    );
    expect(Array.isArray(body) ? 'folder' : body.type).toBe(type);
  });

  it('contents: folder listings report submodules as files, as GitHub does', async () => {
    const body = await checkAgainstSpec(
      CONTENTS,
      '/repos/acme/gitops/contents/vendor',
    );
    expect(body).toEqual([
      expect.objectContaining({ name: 'lib', type: 'file' }),
    ]);
  });

  it('contents: 404 for an absent path', async () => {
    const body = await checkAgainstSpec(
      CONTENTS,
      '/repos/acme/gitops/contents/absent',
      404,
    );
    expect(body.message).toBe('Not Found');
  });

  it.each([
    ['all commits', '?per_page=2&page=2'],
    [
      'commits of a path',
      '?sha=main&path=k8s%2Foverlays%2Fqa%2Fkustomization.yaml&per_page=1',
    ],
    ['commits of a branch', '?sha=stageline%2Fcheckout%2Fqa'],
  ])('commits: %s', async (_, query) => {
    const body = await checkAgainstSpec(
      COMMITS,
      `/repos/acme/gitops/commits${query}`,
    );
    expect(body.length).toBeGreaterThan(0);
  });

  it('commits: 404 for an unknown branch', async () => {
    const body = await checkAgainstSpec(
      COMMITS,
      '/repos/acme/gitops/commits?sha=nope',
      404,
    );
    expect(body.message).toBe('No commit found for SHA: nope');
  });

  it('commit: one commit with its parent and the file it changed', async () => {
    const repo = standIn.model.repo('acme/gitops')!;
    const sha = repo.branches.get('stageline/checkout/qa')!;
    const body = await checkAgainstSpec(
      COMMIT,
      `/repos/acme/gitops/commits/${sha}`,
    );
    expect(body.sha).toBe(sha);
    expect(body.commit.message).toBe('Promote checkout to qa');
    expect(body.parents.map((p: { sha: string }) => p.sha)).toEqual(
      repo.commits.get(sha)!.parents,
    );
    expect(body.files).toEqual([
      expect.objectContaining({
        filename: 'k8s/overlays/qa/kustomization.yaml',
        status: 'modified',
        additions: 2,
        deletions: 1,
        changes: 3,
      }),
    ]);
    expect(body.stats).toEqual({ additions: 2, deletions: 1, total: 3 });
  });

  it.each([
    ['a branch name with a slash', 'stageline%2Fcheckout%2Fqa', 1, 1],
    ['a merge commit (against its first parent)', 'MERGE', 2, 1],
    ['the root commit (every file added)', 'ROOT', 0, 5],
  ])('commit: %s', async (_, ref, parents, files) => {
    const repo = standIn.model.repo('acme/gitops')!;
    const commits = [...repo.commits.values()];
    const sha =
      {
        MERGE: commits.find(c => c.parents.length === 2)?.sha,
        ROOT: commits.find(c => c.parents.length === 0)?.sha,
      }[ref] ?? ref;
    const body = await checkAgainstSpec(
      COMMIT,
      `/repos/acme/gitops/commits/${sha}`,
    );
    expect(body.parents).toHaveLength(parents);
    expect(body.files).toHaveLength(files);
  });

  it('commit: 422 for an unknown commit, as GitHub answers', async () => {
    const body = await checkAgainstSpec(
      COMMIT,
      `/repos/acme/gitops/commits/${'f'.repeat(40)}`,
      422,
    );
    expect(body.message).toBe(`No commit found for SHA: ${'f'.repeat(40)}`);
  });

  it.each([
    ['open', 2],
    ['closed', 1],
    ['all', 3],
  ])('pulls: state=%s', async (state, count) => {
    const body = await checkAgainstSpec(
      PULLS,
      `/repos/acme/gitops/pulls?state=${state}&per_page=100`,
    );
    expect(body).toHaveLength(count);
  });

  it.each([
    ['open', 1],
    ['merged', 2],
    ['from a fork', 3],
  ])('pull: %s', async (_, number) => {
    const body = await checkAgainstSpec(
      PULL,
      `/repos/acme/gitops/pulls/${number}`,
    );
    expect(body.number).toBe(number);
  });

  it('pull: 404 for an unknown number', async () => {
    const body = await checkAgainstSpec(
      PULL,
      '/repos/acme/gitops/pulls/99',
      404,
    );
    expect(body.message).toBe('Not Found');
  });

  it('compare: commits between two refs, truncated to the page', async () => {
    const repo = standIn.model.repo('acme/gitops')!;
    const first = [...repo.commits.values()][0].sha;
    const body = await checkAgainstSpec(
      COMPARE,
      `/repos/acme/gitops/compare/${first}...main`,
    );
    expect(body.total_commits).toBeGreaterThan(body.commits.length);
  });

  it('compare: diverged branches', async () => {
    const body = await checkAgainstSpec(
      COMPARE,
      '/repos/acme/gitops/compare/stageline%2Fcheckout%2Fqa...main',
    );
    expect(body.status).toBe('diverged');
  });

  it('compare: 404 for an unknown commit', async () => {
    const body = await checkAgainstSpec(
      COMPARE,
      `/repos/acme/gitops/compare/main...${'f'.repeat(40)}`,
      404,
    );
    expect(body.message).toBe('Not Found');
  });

  it.each([
    ['the root tree of a branch', 'main', 4],
    ['every object of a branch', 'stageline%2Fcheckout%2Fqa?recursive=1', 10],
    ['every object of a commit', 'MAIN_SHA?recursive=1', 12],
  ])('trees: %s', async (_, ref, count) => {
    const sha = standIn.model.repo('acme/gitops')!.branches.get('main')!;
    const body = await checkAgainstSpec(
      TREE,
      `/repos/acme/gitops/git/trees/${ref.replace('MAIN_SHA', sha)}`,
    );
    expect(body.tree).toHaveLength(count);
  });

  it('trees: modes and types of folders, files, symlinks and submodules', async () => {
    const body = await checkAgainstSpec(
      TREE,
      '/repos/acme/gitops/git/trees/main?recursive=1',
    );
    const byPath = (path: string) =>
      body.tree.find((e: { path: string }) => e.path === path);
    expect(byPath('k8s')).toEqual({
      path: 'k8s',
      mode: '040000',
      type: 'tree',
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      url: expect.stringMatching(/\/git\/trees\/[0-9a-f]{40}$/),
    });
    expect(byPath('a.txt')).toMatchObject({
      mode: '100644',
      type: 'blob',
      size: 1,
    });
    expect(byPath('k8s/overlays/link.yaml')).toMatchObject({
      mode: '120000',
      type: 'blob',
    });
    expect(byPath('vendor/lib')).toEqual({
      path: 'vendor/lib',
      mode: '160000',
      type: 'commit',
      sha: 'b'.repeat(40),
    });
  });

  it('trees: a folder by the tree SHA the Contents API reports for it', async () => {
    const listing = await checkAgainstSpec(
      CONTENTS,
      '/repos/acme/gitops/contents/k8s',
    );
    const overlays = listing.find(
      (e: { name: string }) => e.name === 'overlays',
    );
    const body = await checkAgainstSpec(
      TREE,
      new URL(overlays.git_url).pathname,
    );
    expect(body.sha).toBe(overlays.sha);
    expect(body.tree.map((e: { path: string }) => e.path)).toEqual([
      'dangling',
      'link.yaml',
      'qa',
      'staging',
    ]);
  });

  it('trees: 404 for an unknown tree', async () => {
    const body = await checkAgainstSpec(
      TREE,
      `/repos/acme/gitops/git/trees/${'f'.repeat(40)}`,
      404,
    );
    expect(body.message).toBe('Not Found');
  });

  it.each([
    ['a file', 'k8s/overlays/qa/kustomization.yaml', 'images: []\n'],
    ['a symlink (its target)', 'k8s/overlays/dangling', '../../nowhere'],
  ])('blobs: %s', async (_, path, content) => {
    const file = await checkAgainstSpec(
      CONTENTS,
      `/repos/acme/gitops/contents/${path}`,
    );
    const body = await checkAgainstSpec(BLOB, new URL(file.git_url).pathname);
    expect(body.sha).toBe(file.sha);
    expect(Buffer.from(body.content, 'base64').toString()).toBe(content);
  });

  it('blobs: 404 for an unknown blob', async () => {
    const body = await checkAgainstSpec(
      BLOB,
      `/repos/acme/gitops/git/blobs/${'f'.repeat(40)}`,
      404,
    );
    expect(body.message).toBe('Not Found');
  });

  it('tarball: 302 to a codeload URL that serves the gzip tarball', async () => {
    // GitHub documents no body for the 302, only the Location header.
    const headers = { authorization: `Bearer ${TOKEN}` };
    const response = await fetch(
      `${standIn.urls.api}/repos/acme/gitops/tarball/main`,
      { headers, redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    expect(await response.text()).toBe('');
    const sha = standIn.model.repo('acme/gitops')!.branches.get('main')!;
    const location = response.headers.get('location')!;
    expect(location).toMatch(
      new RegExp(
        `^https://codeload\\.github\\.com/acme/gitops/legacy\\.tar\\.gz/${sha}\\?token=[0-9a-f]+$`,
      ),
    );
    validated.set(`GET ${TARBALL}`, (validated.get(`GET ${TARBALL}`) ?? 0) + 1);
    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/x-gzip');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  it('tarball: 404 for an unknown ref', async () => {
    const response = await fetch(
      `${standIn.urls.api}/repos/acme/gitops/tarball/nope`,
      { headers: { authorization: `Bearer ${TOKEN}` }, redirect: 'manual' },
    );
    expect(response.status).toBe(404);
    expect((await response.json()).message).toBe('Not Found');
  });

  it('rate limit answers match the documented 403 body', async () => {
    standIn.failNext({ kind: 'primary-rate-limit' });
    const body = await checkAgainstSpec(
      CONTENTS,
      '/repos/acme/gitops/contents/k8s',
      403,
    );
    expect(body.message).toMatch(/rate limit exceeded/);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const url = `${standIn.urls.api}/repos/acme/gitops/contents/k8s`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag')!;
    const second = await fetch(url, {
      headers: { ...headers, 'if-none-match': etag },
    });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  describe('write routes', () => {
    const W = '/repos/acme/writes';
    const QA = 'k8s%2Foverlays%2Fqa%2Fkustomization.yaml';
    const content = (text: string) => Buffer.from(text).toString('base64');
    const blob = () =>
      checkAgainstSpec(CONTENTS, `${W}/contents/${QA}?ref=main`).then(
        b => b.sha as string,
      );

    it('git refs: read, create, refuse a duplicate, move, refuse a non-fast-forward', async () => {
      const main = await checkWrite(
        GIT_REF,
        'GET',
        `${W}/git/ref/heads%2Fmain`,
        undefined,
        200,
      );
      await checkWrite(
        GIT_REF,
        'GET',
        `${W}/git/ref/heads%2Fnope`,
        undefined,
        404,
      );
      const create = {
        ref: 'refs/heads/stageline/app/qa',
        sha: main.object.sha,
      };
      const created = await checkWrite(
        GIT_REFS,
        'POST',
        `${W}/git/refs`,
        create,
        201,
      );
      expect(created.ref).toBe('refs/heads/stageline/app/qa');
      const dup = await checkWrite(
        GIT_REFS,
        'POST',
        `${W}/git/refs`,
        create,
        422,
      );
      expect(dup.message).toBe('Reference already exists');
      standIn.model.commit('acme/writes', {
        branch: 'stageline/app/qa',
        files: { x: 'x' },
        message: 'x',
      });
      const back = { sha: main.object.sha };
      const refused = await checkWrite(
        GIT_REF_UPDATE,
        'PATCH',
        `${W}/git/refs/heads%2Fstageline%2Fapp%2Fqa`,
        back,
        422,
      );
      expect(refused.message).toBe('Update is not a fast forward');
      const moved = await checkWrite(
        GIT_REF_UPDATE,
        'PATCH',
        `${W}/git/refs/heads%2Fstageline%2Fapp%2Fqa`,
        { ...back, force: true },
        200,
      );
      expect(moved.object.sha).toBe(main.object.sha);
    });

    it('contents PUT: update with the blob SHA, create, 409 for a stale SHA, 422 without one', async () => {
      const sha = await blob();
      const put = (body: object) => ({
        message: 'm',
        content: content('images: []\n# x\n'),
        ...body,
      });
      const updated = await checkWrite(
        CONTENTS,
        'PUT',
        `${W}/contents/${QA}`,
        put({ sha }),
        200,
      );
      expect(updated.commit.message).toBe('m');
      const stale = await checkWrite(
        CONTENTS,
        'PUT',
        `${W}/contents/${QA}`,
        put({ sha }),
        409,
      );
      expect(stale.message).toMatch(/does not match/);
      await checkWrite(CONTENTS, 'PUT', `${W}/contents/${QA}`, put({}), 422);
      await checkWrite(CONTENTS, 'PUT', `${W}/contents/new.yaml`, put({}), 201);
    });

    it('pulls: create, refuse a duplicate, merge, refuse an unmergeable one', async () => {
      standIn.model.createBranch('acme/writes', 'feature-a');
      standIn.model.commit('acme/writes', {
        branch: 'feature-a',
        files: { a: 'a' },
        message: 'a',
      });
      const body = {
        title: 'A',
        head: 'feature-a',
        base: 'main',
        body: 'Body',
      };
      const pull = await checkWrite(PULLS, 'POST', `${W}/pulls`, body, 201);
      const dup = await checkWrite(PULLS, 'POST', `${W}/pulls`, body, 422);
      expect(dup.errors[0].message).toMatch(/already exists/);
      standIn.model.repo('acme/writes')!.pulls.get(pull.number)!.mergeable =
        false;
      await checkWrite(
        MERGE,
        'PUT',
        `${W}/pulls/${pull.number}/merge`,
        { sha: pull.head.sha },
        405,
      );
      standIn.model.repo('acme/writes')!.pulls.get(pull.number)!.mergeable =
        true;
      await checkWrite(
        MERGE,
        'PUT',
        `${W}/pulls/${pull.number}/merge`,
        { sha: 'f'.repeat(40) },
        409,
      );
      const merged = await checkWrite(
        MERGE,
        'PUT',
        `${W}/pulls/${pull.number}/merge`,
        { sha: pull.head.sha },
        200,
      );
      expect(merged.merged).toBe(true);
    });

    it('workflows: dispatch (204, or 200 with the run), list runs, read a run', async () => {
      const inputs = {
        environment: 'qa',
        image: 'app:v1',
        digest: '',
        promotion_id: 'p-1',
      };
      const path = `${W}/actions/workflows/deploy.yml`;
      await checkWrite(
        DISPATCH,
        'POST',
        `${path}/dispatches`,
        { ref: 'main', inputs },
        204,
      );
      const details = await checkWrite(
        DISPATCH,
        'POST',
        `${path}/dispatches`,
        { ref: 'main', inputs, return_run_details: true },
        200,
      );
      // GitHub documents no body for a refused dispatch (422), so only the status is checked.
      const refused = await fetch(`${standIn.urls.api}${path}/dispatches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ ref: 'main', inputs: { x: '1' } }),
      });
      expect(refused.status).toBe(422);
      standIn.model.completeRun(
        'acme/writes',
        details.workflow_run_id,
        'success',
      );
      const runs = await checkAgainstSpec(
        RUNS,
        `${path}/runs?event=workflow_dispatch&per_page=50`,
      );
      expect(
        runs.workflow_runs.map(
          (r: { display_title: string }) => r.display_title,
        ),
      ).toEqual(['Deploy qa (p-1)', 'Deploy qa (p-1)']);
      const run = await checkAgainstSpec(
        RUN,
        `${W}/actions/runs/${details.workflow_run_id}`,
      );
      expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
    });
  });

  it('validated every route it implements', () => {
    const counts = standIn.routes.map(r => [
      `${r.method} ${r.openapiPath}`,
      validated.get(`${r.method} ${r.openapiPath}`) ?? 0,
    ]);
    expect(counts.filter(([, count]) => count === 0)).toEqual([]);
  });

  it('would catch a body that breaks the schema (the check is not vacuous)', async () => {
    const response = await fetch(
      `${standIn.urls.api}/repos/acme/gitops/pulls/1`,
      {
        headers: { authorization: `Bearer ${TOKEN}` },
      },
    );
    const body = await response.json();
    const validate = validator(PULL, 'GET', 200);
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, head: undefined })).toBe(false);
    expect(validate({ ...body, merged_at: 12 })).toBe(false);
    expect(validate({ ...body, user: { login: 'x' } })).toBe(false);
    const file = validator(CONTENTS, 'GET', 200);
    expect(file({ type: 'file', name: 'x', path: 'x', sha: 'a' })).toBe(false);
  });
});

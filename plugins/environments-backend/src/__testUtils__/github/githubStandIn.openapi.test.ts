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

/** OpenAPI 3.0 `nullable` is not JSON Schema: rewrite it as "or null" for ajv. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    out[key] =
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
  validated.set(openapiPath, (validated.get(openapiPath) ?? 0) + 1);
  return body;
}

const CONTENTS = '/repos/{owner}/{repo}/contents/{path}';
const COMMITS = '/repos/{owner}/{repo}/commits';
const PULLS = '/repos/{owner}/{repo}/pulls';
const PULL = '/repos/{owner}/{repo}/pulls/{pull_number}';
const COMPARE = '/repos/{owner}/{repo}/compare/{basehead}';

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

  it('validated every route it implements', () => {
    const counts = standIn.routes.map(r => [
      r.openapiPath,
      validated.get(r.openapiPath) ?? 0,
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

import { createMockDirectory } from '@backstage/backend-test-utils';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { KubernetesObject } from '../manifests/types';
import { listFiles } from '../__testUtils__/listFiles';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { createEnvironmentsAction } from './createEnvironmentsAction';
import { rawInputContext } from '../__testUtils__/rawInputContext';

const VALID = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
};

/** Sets `value` at a dotted path such as `ingress.domain` or `environments.0`. */
function withField(field: string, value: unknown): Record<string, unknown> {
  const input: any = structuredClone(VALID);
  const keys = field.split('.');
  let node = input;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    node[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
  return input;
}

describe('stageline:environments:create with hostile input', () => {
  const mockDir = createMockDirectory();
  const workspace = join(mockDir.path, 'workspace');
  const outside = join(mockDir.path, 'outside');

  beforeEach(() => {
    mockDir.setContent({
      workspace: { 'README.md': 'hello' },
      outside: { 'keep.txt': 'untouched' },
    });
  });

  async function expectRejectedWithoutWrites(
    input: Record<string, unknown>,
    message: RegExp,
  ) {
    const before = [await listFiles(workspace), await listFiles(outside)];
    const ctx = rawInputContext({ workspacePath: workspace, input });
    await expect(createEnvironmentsAction().handler(ctx)).rejects.toThrow(
      message,
    );
    expect([await listFiles(workspace), await listFiles(outside)]).toEqual(
      before,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  }

  const STRING_FIELDS = [
    ['name', 'name'],
    ['owner', 'owner'],
    ['image', 'image'],
    ['basePath', 'basePath'],
    ['overlaysPath', 'overlaysPath'],
    ['healthPath', 'healthPath'],
    ['environments.0', 'environments\\[0\\]'],
    ['protectedEnvironments.0', 'protectedEnvironments\\[0\\]'],
    ['qaEnvironment', 'qaEnvironment'],
    ['ingress.domain', 'ingress.domain'],
    ['ingress.controllerNamespace', 'ingress.controllerNamespace'],
    ['ingress.className', 'ingress.className'],
    ['ingress.entryPoint', 'ingress.entryPoint'],
    ['ingress.certResolver', 'ingress.certResolver'],
    ['rbac.developersGroup', 'rbac.developersGroup'],
    ['rbac.qaGroup', 'rbac.qaGroup'],
    ['rbac.ciServiceAccount', 'rbac.ciServiceAccount'],
    ['rbac.ciServiceAccountNamespace', 'rbac.ciServiceAccountNamespace'],
    ['sizing.production.limits.cpu', 'sizing.production.limits.cpu'],
    [
      'sizing.feature.quota.requestsMemory',
      'sizing.feature.quota.requestsMemory',
    ],
    ['repoSlug', 'repoSlug'],
    ['gitopsRepo', 'gitopsRepo'],
    ['chain', 'chain'],
    ['entityRef', 'entityRef'],
    ['previewNamespace', 'previewNamespace'],
    ['namespaceMode', 'namespaceMode'],
    ['podSecurity.warn', 'podSecurity.warn'],
  ];
  const TRAVERSALS = ['../outside', '/etc/passwd', 'a/../../outside', '..\\x'];

  describe.each(STRING_FIELDS)('traversal in %s', (field, shown) => {
    // An absolute HTTP path is what a health path is; only `..` is hostile there.
    const values =
      field === 'healthPath'
        ? ['../outside', '/a/../../outside', '/..']
        : TRAVERSALS;
    it.each(values)('rejects %j naming the field, writing nothing', value =>
      expectRejectedWithoutWrites(
        withField(field, value),
        new RegExp(`'${shown}'`),
      ),
    );
  });

  it('rejects a traversal as a sizing key naming it', () =>
    expectRejectedWithoutWrites(
      withField('sizing', { '../outside': { replicas: 1 } }),
      /'sizing\.\.\.\/outside' names no environment/,
    ));

  it.each(['Checkout', '-a', 'a-', 'a'.repeat(48), 'a.b', '1abc', 'a_b', ''])(
    'rejects the non-DNS service name %j',
    name =>
      expectRejectedWithoutWrites(
        withField('name', name),
        /'name' must be a DNS-1035 label/,
      ),
  );

  it.each(['1.10', '*alias', '~', 'a b', 'x\n  namespace: kube-system'])(
    'rejects the YAML-significant environment name %j',
    env =>
      expectRejectedWithoutWrites(
        withField('environments', ['qa', env]),
        /'environments\[1\]' must be a DNS-1123 label/,
      ),
  );

  it('rejects an image with a tag and a duplicate environment', async () => {
    await expectRejectedWithoutWrites(
      withField('image', 'ghcr.io/acme/checkout:1.0'),
      /'image' must be an image repository.*tag/,
    );
    await expectRejectedWithoutWrites(
      withField('environments', ['qa', 'qa']),
      /'environments\[1\]' repeats/,
    );
  });

  it('rejects wrongly typed input naming the field', () =>
    expectRejectedWithoutWrites(
      withField('port', '8080; rm -rf /'),
      /'port' is invalid/,
    ));

  it('writes YAML-significant values that are valid names as strings Kubernetes reads back unchanged', async () => {
    const input = {
      ...withField('owner', 'on'),
      namespaceMode: 'per-service',
      environments: ['yes', 'no'],
      protectedEnvironments: ['no'],
      rbac: { developersGroup: '1.10', qaGroup: 'y' },
      previews: false,
    };
    const ctx = rawInputContext({ workspacePath: workspace, input });
    await createEnvironmentsAction().handler(ctx);
    const rendered = await renderWorkspaceOverlays(workspace);
    expect(Object.keys(rendered).sort()).toEqual(['no', 'yes']);
    const find = (env: string, kind: string) =>
      rendered[env].find((o: KubernetesObject) => o.kind === kind) as any;
    expect(find('yes', 'Namespace').metadata).toMatchObject({
      name: 'checkout-yes',
      labels: { environment: 'yes', owner: 'on' },
    });
    const groups = rendered.no
      .filter(o => o.kind === 'RoleBinding')
      .flatMap((b: any) => b.subjects)
      .filter((subject: any) => subject.kind === 'Group');
    expect(groups).toEqual([expect.objectContaining({ name: '1.10' })]);
  });

  it('refuses a symlink planted in the workspace, writing nothing there or outside', async () => {
    await symlink(outside, join(workspace, 'k8s'));
    // resolveSafeChildPath already sees that this link leaves the workspace.
    await expectRejectedWithoutWrites(
      VALID,
      /outside its parent|symbolic link/,
    );
  });

  it('refuses even a symlink that stays inside the workspace', async () => {
    await mkdir(join(workspace, 'elsewhere'));
    await symlink(join(workspace, 'elsewhere'), join(workspace, 'k8s'));
    await expectRejectedWithoutWrites(
      VALID,
      /'k8s' in the workspace is a symbolic link/,
    );
  });

  it('refuses a dangling symlink and a chain of symlinks', async () => {
    await mkdir(join(workspace, 'k8s'));
    await symlink(join(outside, 'not-yet'), join(workspace, 'k8s/base'));
    await expectRejectedWithoutWrites(
      VALID,
      /outside its parent|symbolic link/,
    );

    mockDir.setContent({ workspace: {}, outside: {} });
    await symlink(outside, join(mockDir.path, 'link2'));
    await mkdir(join(workspace, 'k8s'));
    await symlink(join(mockDir.path, 'link2'), join(workspace, 'k8s/overlays'));
    await expectRejectedWithoutWrites(
      VALID,
      /outside its parent|symbolic link/,
    );
  });

  it('refuses to overwrite an existing file and leaves no partial output', async () => {
    mockDir.setContent({
      workspace: { k8s: { overlays: { production: { 'pdb.yaml': 'mine' } } } },
      outside: {},
    });
    await expectRejectedWithoutWrites(
      VALID,
      /'k8s\/overlays\/production\/pdb.yaml'.*already exists/,
    );
  });
});

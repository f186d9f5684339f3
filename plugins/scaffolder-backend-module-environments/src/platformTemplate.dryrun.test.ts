import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KubernetesObject } from './manifests/types';
import { dryRunTemplate } from './__testUtils__/dryRunTemplate';
import { listFiles } from './__testUtils__/listFiles';
import { renderWorkspaceOverlays } from './__testUtils__/renderWorkspaceOverlays';

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/environment-platform',
);

const VALUES = {
  owner: 'group:default/platform',
  environments: ['qa', 'uat', 'staging', 'production'],
  protectedEnvironments: ['staging', 'production'],
  qaEnvironment: 'qa',
  path: 'platform/environments',
  enforce: 'restricted',
  warn: 'restricted',
  audit: 'restricted',
  developersGroup: 'developers',
  qaGroup: 'qa-engineers',
  ciServiceAccount: 'github-ci',
  ciServiceAccountNamespace: 'kube-system',
  repoUrl: 'github.com?owner=acme&repo=gitops',
  targetBranch: 'main',
};

describe('template environment-platform', () => {
  let output: string;
  let body: any;
  let rendered: Record<string, KubernetesObject[]>;

  beforeAll(async () => {
    ({ body, output } = await dryRunTemplate(TEMPLATE_DIR, VALUES));
    rendered = await renderWorkspaceOverlays(output, VALUES.path);
  }, 60_000);

  afterAll(() => rm(output, { recursive: true, force: true }));

  it('writes the environment layer and nothing else, then opens a pull request', async () => {
    const files = await listFiles(output);
    expect(files.every(f => f.startsWith('platform/environments/'))).toBe(true);
    expect([...body.output.created].sort()).toEqual(files);
    const messages = body.log.map((l: any) => l.body.message).join('\n');
    expect(messages).toMatch(
      /Running publish:github:pull-request in dry-run mode/,
    );
  });

  it("renders one shared namespace per environment, labelled with the form's owner and Pod Security levels", () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'production',
      'qa',
      'staging',
      'uat',
    ]);
    const namespace = rendered.uat.find(o => o.kind === 'Namespace')!;
    expect(namespace.metadata!.labels).toEqual({
      environment: 'uat',
      owner: 'platform',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
  });
});

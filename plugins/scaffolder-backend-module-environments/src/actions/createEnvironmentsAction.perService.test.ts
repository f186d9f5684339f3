import { createMockDirectory } from '@backstage/backend-test-utils';
import { KubernetesObject } from '../manifests/types';
import { listFiles } from '../__testUtils__/listFiles';
import { rawInputContext } from '../__testUtils__/rawInputContext';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { restrictedViolations } from '../__testUtils__/restrictedViolations';
import { runCreate } from './__testUtils__/runCreate';
import { verbsBySubject } from '../__testUtils__/verbsBySubject';
import { createEnvironmentsAction } from './createEnvironmentsAction';

const INPUT = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
  namespaceMode: 'per-service',
};

const ofKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind) as any[];

describe('stageline:environments:create (a namespace per service and environment)', () => {
  let rendered: Record<string, KubernetesObject[]>;

  beforeAll(async () => {
    const { dir } = await runCreate(INPUT);
    rendered = await renderWorkspaceOverlays(dir.path);
  }, 60_000);

  it('puts every environment in a namespace named after the service', () => {
    const expected: Record<string, string> = {
      qa: 'checkout-qa',
      staging: 'checkout-staging',
      production: 'checkout-production',
      feature: 'checkout-pr-142',
    };
    for (const [env, objects] of Object.entries(rendered)) {
      const names = objects.map(o =>
        o.kind === 'Namespace' ? o.metadata!.name : o.metadata!.namespace,
      );
      expect(new Set(names)).toEqual(new Set([expected[env]]));
    }
  });

  it('labels each namespace with environment, owner, service and its Pod Security levels', () => {
    const [ns] = ofKind(rendered.staging, 'Namespace');
    expect(ns.metadata.labels).toEqual({
      environment: 'staging',
      owner: 'team-checkout',
      service: 'checkout',
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
  });

  it('sizes a quota and a limit range per environment', () => {
    const pods = (env: string) =>
      ofKind(rendered[env], 'ResourceQuota')[0].spec.hard.pods;
    expect([pods('feature'), pods('qa'), pods('production')]).toEqual([
      '10',
      '20',
      '50',
    ]);
    for (const env of Object.keys(rendered)) {
      expect(ofKind(rendered[env], 'LimitRange')).toHaveLength(1);
    }
  });

  it('never grants cluster-wide roles, wildcards, escalation or secrets', () => {
    const all = Object.values(rendered).flat();
    expect(all.map(o => o.kind)).not.toContain('ClusterRole');
    expect(all.map(o => o.kind)).not.toContain('ClusterRoleBinding');
    for (const role of ofKind(all, 'Role')) {
      for (const rule of role.rules) {
        const words = [...rule.verbs, ...rule.resources, ...rule.apiGroups];
        expect(words).not.toContain('*');
        for (const bad of ['bind', 'impersonate', 'escalate']) {
          expect(rule.verbs).not.toContain(bad);
        }
        expect(rule.resources).not.toContain('secrets');
      }
    }
    for (const binding of ofKind(all, 'RoleBinding')) {
      expect(binding.roleRef.kind).toBe('Role');
    }
  });

  it('follows the RBAC matrix: only CI deploys to protected environments, developers write the rest, QA administers qa', () => {
    const developers = 'Group:/developers';
    const ci = 'ServiceAccount:kube-system/github-ci';
    const qa = 'Group:/qa-engineers';
    for (const env of ['staging', 'production']) {
      const verbs = verbsBySubject(rendered[env]);
      expect([...verbs[developers]].sort()).toEqual(['get', 'list', 'watch']);
      expect(verbs[ci]).toContain('patch');
      expect(verbs[qa]).toBeUndefined();
    }
    for (const env of ['feature', 'qa']) {
      const verbs = verbsBySubject(rendered[env]);
      expect(verbs[developers]).toContain('create');
      expect(verbs[developers]).toContain('delete');
      expect(verbs[ci]).toBeUndefined();
    }
    expect(verbsBySubject(rendered.qa)[qa]).toContain('deletecollection');
    expect(verbsBySubject(rendered.feature)[qa]).toBeUndefined();
  });

  it("denies ingress by default and lets in only the namespace's pods and the ingress controller", () => {
    for (const env of ['staging', 'production']) {
      const policies = ofKind(rendered[env], 'NetworkPolicy');
      const denyAll = policies.find(p => !p.spec.ingress);
      expect(denyAll.spec).toEqual({
        podSelector: {},
        policyTypes: ['Ingress'],
      });
      const sources = policies.flatMap(p =>
        (p.spec.ingress ?? []).flatMap((rule: any) => rule.from),
      );
      expect(sources).toEqual([
        { podSelector: {} },
        {
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': 'traefik' },
          },
        },
      ]);
    }
  });

  it('hardens every workload to the restricted Pod Security Standard', () => {
    for (const workload of ofKind(
      Object.values(rendered).flat(),
      'Deployment',
    )) {
      expect(restrictedViolations(workload)).toEqual([]);
    }
  });

  it('takes the Pod Security levels as input', async () => {
    const { dir } = await runCreate({
      ...INPUT,
      previews: false,
      podSecurity: { enforce: 'restricted' },
    });
    const [ns] = ofKind(
      (await renderWorkspaceOverlays(dir.path)).qa,
      'Namespace',
    );
    expect(ns.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
  });

  it.each([
    [
      { environments: ['qa', 'qa-eu'] },
      /'environments\[1\]' \('qa-eu'\) must be lowercase letters and digits/,
    ],
    [
      { environments: ['1qa'] },
      /'environments\[0\]' \('1qa'\) must be lowercase letters and digits/,
    ],
    [
      { environments: [`e${'x'.repeat(60)}`] },
      /'environments\[0\]' must be a DNS-1123 label/,
    ],
    [
      { podSecurity: { enforce: 'strict' } },
      /'podSecurity.enforce' is invalid/,
    ],
    [
      { previewNamespace: 'preview-{service}' },
      /'previewNamespace' must contain '\{number\}' once/,
    ],
    [
      { previewNamespace: 'pr-{number}-{x}' },
      /'previewNamespace' must contain/,
    ],
    [
      { previewNamespace: 'PR-{number}' },
      /'previewNamespace' must be a DNS-1123 label/,
    ],
  ])(
    'rejects %j naming the field, writing nothing',
    async (override, message) => {
      const dir = createMockDirectory();
      const ctx = rawInputContext({
        workspacePath: dir.path,
        input: { ...INPUT, ...override },
      });
      await expect(createEnvironmentsAction().handler(ctx)).rejects.toThrow(
        message,
      );
      expect(await listFiles(dir.path)).toEqual([]);
    },
  );
});

import { createMockDirectory } from '@backstage/backend-test-utils';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KubernetesObject } from '../manifests/types';
import { listFiles } from '../__testUtils__/listFiles';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runCreate } from '../__testUtils__/runCreate';
import { createEnvironmentsAction } from './createEnvironmentsAction';
import { rawInputContext } from '../__testUtils__/rawInputContext';

const INPUT = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
  repoSlug: 'acme/checkout',
};

type Subject = { kind: string; name: string; namespace?: string };

const ofKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind);

/** Verbs each subject gets in one rendered overlay, following RoleBindings to Roles. */
function verbsBySubject(objects: KubernetesObject[]) {
  const roles = new Map(
    ofKind(objects, 'Role').map(r => [r.metadata!.name, r.rules as any[]]),
  );
  const result: Record<string, Set<string>> = {};
  for (const binding of ofKind(objects, 'RoleBinding')) {
    const rules = roles.get((binding.roleRef as { name: string }).name) ?? [];
    for (const subject of binding.subjects as Subject[]) {
      const key = `${subject.kind}:${subject.namespace ?? ''}/${subject.name}`;
      result[key] ??= new Set();
      rules.forEach(rule =>
        rule.verbs.forEach((v: string) => result[key].add(v)),
      );
    }
  }
  return result;
}

describe('stageline:environments:create', () => {
  let rendered: Record<string, KubernetesObject[]>;
  let run: Awaited<ReturnType<typeof runCreate>>;

  beforeAll(async () => {
    run = await runCreate(INPUT);
    rendered = await renderWorkspaceOverlays(run.dir.path);
  });

  it('writes an overlay per environment of the default chain plus the preview template, each rendering and valid', () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
    ]);
    for (const [env, objects] of Object.entries(rendered)) {
      const namespace = env === 'feature' ? 'feature-pr-142' : env;
      const namespaces = objects.map(o =>
        o.kind === 'Namespace' ? o.metadata!.name : o.metadata!.namespace,
      );
      expect(new Set(namespaces)).toEqual(new Set([namespace]));
    }
  });

  it('labels workloads and pods with backstage.io/kubernetes-id and probes the health path', () => {
    const [deployment] = ofKind(rendered.production, 'Deployment') as any[];
    expect(deployment.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'checkout',
    );
    expect(
      deployment.spec.template.metadata.labels['backstage.io/kubernetes-id'],
    ).toBe('checkout');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/health');
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.image).toBe('ghcr.io/acme/checkout:GITSHA');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const [qa] = ofKind(rendered.qa, 'Deployment') as any[];
    expect(qa.spec.replicas).toBe(2);
    expect(qa.spec.template.spec.containers[0].resources.limits.cpu).toBe(
      '500m',
    );
  });

  it('writes the image tag placeholder as a quoted string', async () => {
    const text = await readFile(
      join(run.dir.path, 'k8s/overlays/qa/kustomization.yaml'),
      'utf8',
    );
    expect(text).toContain('newTag: "GITSHA"');
  });

  it('labels namespaces with environment, owner and service, and sizes quotas per environment', () => {
    const [ns] = ofKind(rendered.staging, 'Namespace');
    expect(ns.metadata!.labels).toEqual({
      environment: 'staging',
      owner: 'team-checkout',
      service: 'checkout',
    });
    const pods = (env: string) =>
      (ofKind(rendered[env], 'ResourceQuota')[0].spec as any).hard.pods;
    expect([pods('feature'), pods('qa'), pods('production')]).toEqual([
      '10',
      '20',
      '50',
    ]);
    for (const env of Object.keys(rendered)) {
      expect(ofKind(rendered[env], 'LimitRange')).toHaveLength(1);
    }
  });

  it('gives staging and production an HPA and a PodDisruptionBudget, and nothing else', () => {
    for (const [env, objects] of Object.entries(rendered)) {
      const expected = ['staging', 'production'].includes(env) ? 1 : 0;
      expect(ofKind(objects, 'HorizontalPodAutoscaler')).toHaveLength(expected);
      expect(ofKind(objects, 'PodDisruptionBudget')).toHaveLength(expected);
    }
  });

  it('never grants cluster-wide roles, wildcards, escalation or secrets', () => {
    const all = Object.values(rendered).flat();
    expect(all.map(o => o.kind)).not.toContain('ClusterRole');
    expect(all.map(o => o.kind)).not.toContain('ClusterRoleBinding');
    for (const role of ofKind(all, 'Role')) {
      for (const rule of role.rules as any[]) {
        const words = [...rule.verbs, ...rule.resources, ...rule.apiGroups];
        expect(words).not.toContain('*');
        for (const bad of ['bind', 'impersonate', 'escalate']) {
          expect(rule.verbs).not.toContain(bad);
        }
        expect(rule.resources).not.toContain('secrets');
      }
    }
    for (const binding of ofKind(all, 'RoleBinding')) {
      expect((binding.roleRef as { kind: string }).kind).toBe('Role');
    }
  });

  it('follows the RBAC matrix of the source articles', () => {
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

  it('lets only the ingress controller and the same namespace reach staging and production pods', () => {
    for (const env of ['staging', 'production']) {
      const policies = ofKind(rendered[env], 'NetworkPolicy') as any[];
      const denyAll = policies.find(
        p => p.spec.policyTypes.includes('Ingress') && !p.spec.ingress,
      );
      expect(denyAll.spec.podSelector).toEqual({});
      const sources = policies.flatMap(p =>
        (p.spec.ingress ?? []).flatMap((rule: any) => rule.from),
      );
      expect(sources).toEqual(
        expect.arrayContaining([
          {
            namespaceSelector: {
              matchLabels: { 'kubernetes.io/metadata.name': 'traefik' },
            },
          },
          { podSelector: {} },
        ]),
      );
      expect(sources).toHaveLength(2);
    }
  });

  it('routes one host per environment through a Traefik IngressRoute', () => {
    const match = (env: string) =>
      (ofKind(rendered[env], 'IngressRoute')[0].spec as any).routes[0].match;
    expect(match('production')).toBe('Host(`checkout.example.com`)');
    expect(match('qa')).toBe('Host(`checkout.qa.example.com`)');
    expect(match('feature')).toBe(
      'Host(`pr-142.checkout.preview.example.com`)',
    );
  });

  it('outputs the annotations and a summary listing exactly the files written', async () => {
    expect(run.ctx.output).toHaveBeenCalledWith('annotations', {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
      'stageline.io/gitops-repo': 'acme/checkout',
      'stageline.io/overlays-path': 'k8s/overlays',
      'stageline.io/image': 'ghcr.io/acme/checkout',
    });
    const summary = (run.ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'summary',
    )[1];
    expect([...summary.files].sort()).toEqual(await listFiles(run.dir.path));
    expect(summary.environments).toEqual(['qa', 'staging', 'production']);
    expect(summary.previewOverlay).toBe('k8s/overlays/feature');
  });

  it('writes a plain Ingress when asked, with the same hosts', async () => {
    const { dir } = await runCreate({
      ...INPUT,
      ingress: { kind: 'Ingress', domain: 'apps.example.org' },
      previews: false,
    });
    const overlays = await renderWorkspaceOverlays(dir.path);
    expect(Object.keys(overlays).sort()).toEqual([
      'production',
      'qa',
      'staging',
    ]);
    const [ingress] = ofKind(overlays.staging, 'Ingress') as any[];
    expect(ingress.spec.rules[0].host).toBe(
      'checkout.staging.apps.example.org',
    );
    expect(ingress.spec.ingressClassName).toBe('traefik');
    expect(ofKind(overlays.staging, 'IngressRoute')).toHaveLength(0);
  });

  it('writes the same files in a dry run, since the workspace is then a throw-away copy', async () => {
    const dry = await runCreate(INPUT, { isDryRun: true });
    expect(await listFiles(dry.dir.path)).toEqual(
      await listFiles(run.dir.path),
    );
  });

  it('never logs or outputs secrets', async () => {
    const canary = 'secret-canary-4711';
    const dir = createMockDirectory();
    const ctx = rawInputContext({
      workspacePath: dir.path,
      input: INPUT,
      secrets: { token: canary },
    });
    const info = jest.spyOn(ctx.logger, 'info');
    await createEnvironmentsAction().handler(ctx);
    expect(JSON.stringify(info.mock.calls)).not.toContain(canary);
    expect(JSON.stringify((ctx.output as jest.Mock).mock.calls)).not.toContain(
      canary,
    );
  });
});

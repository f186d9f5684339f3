import { setKustomizationImage } from '@stageline/plugin-environments-common';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS_JOB_ANNOTATIONS } from '../manifests/buildMigrationsJob';
import { KubernetesObject } from '../manifests/types';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { restrictedViolations } from '../__testUtils__/restrictedViolations';
import { runCreate } from './__testUtils__/runCreate';

const INPUT = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
  migrations: true,
  previews: false,
};

const DIGEST = (n: string) => `sha256:${n.repeat(64)}`;

/** Pins `tag` in the staging overlay as a promotion does, and renders it. */
async function renderRelease(workspace: string, tag: string, digest: string) {
  const file = join(workspace, 'k8s/overlays/staging/kustomization.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    setKustomizationImage(text, { name: INPUT.image, newTag: tag, digest }),
  );
  return (await renderWorkspaceOverlays(workspace)).staging;
}

const jobOf = (objects: KubernetesObject[]) =>
  objects.find(o => o.kind === 'Job') as any;

/**
 * Whether applying release `next` after `previous` works: either the Jobs have different names,
 * or the same-named Job is deleted and recreated by Argo CD (hook with BeforeHookCreation) and by
 * Flux (force) instead of patched, which a Job's immutable pod template refuses.
 */
function replacesPreviousJob(previous: any, next: any): boolean {
  if (previous.metadata.name !== next.metadata.name) return true;
  const recreated = (job: any) =>
    job.metadata.annotations?.['argocd.argoproj.io/hook'] === 'PreSync' &&
    job.metadata.annotations?.['argocd.argoproj.io/hook-delete-policy']
      ?.split(',')
      .includes('BeforeHookCreation') &&
    job.metadata.annotations?.['kustomize.toolkit.fluxcd.io/force'] ===
      'enabled';
  return recreated(previous) && recreated(next);
}

describe("stageline:environments:create's migrations Job", () => {
  it('is left out unless asked for', async () => {
    const { dir } = await runCreate({ ...INPUT, migrations: undefined });
    const rendered = await renderWorkspaceOverlays(dir.path);
    expect(
      Object.values(rendered)
        .flat()
        .map(o => o.kind),
    ).not.toContain('Job');
  });

  it('runs once per release before the rollout, never retried, hardened', async () => {
    const { dir } = await runCreate({
      ...INPUT,
      migrationsCommand: ['/app/bin/migrate', '--to', 'latest'],
    });
    const job = jobOf((await renderWorkspaceOverlays(dir.path)).production);
    expect(job.metadata.name).toBe('checkout-migrate');
    expect(job.metadata.namespace).toBe('production');
    expect(job.metadata.annotations).toEqual(MIGRATIONS_JOB_ANNOTATIONS);
    expect(job.spec.backoffLimit).toBe(0);
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.containers[0].command).toEqual([
      '/app/bin/migrate',
      '--to',
      'latest',
    ]);
    expect(pod.containers[0].image).toBe('ghcr.io/acme/checkout:GITSHA');
    expect(restrictedViolations(job)).toEqual([]);
  });

  it("keeps its pods out of the service's selectors", async () => {
    const { dir } = await runCreate(INPUT);
    const staging = (await renderWorkspaceOverlays(dir.path)).staging as any[];
    const podLabels = jobOf(staging).spec.template.metadata.labels;
    const selectors = [
      staging.find(o => o.kind === 'Service').spec.selector,
      staging.find(o => o.kind === 'PodDisruptionBudget').spec.selector
        .matchLabels,
      staging.find(o => o.kind === 'NetworkPolicy').spec.podSelector
        .matchLabels,
    ];
    for (const selector of selectors) {
      const selects = Object.entries(selector).every(
        ([key, value]) => podLabels[key] === value,
      );
      expect(selects).toBe(false);
    }
    expect(podLabels['backstage.io/kubernetes-id']).toBe('checkout');
  });

  it('of two consecutive releases do not collide: the second replaces the first', async () => {
    const { dir } = await runCreate(INPUT);
    const first = jobOf(await renderRelease(dir.path, '1a2b3c4', DIGEST('a')));
    const second = jobOf(await renderRelease(dir.path, '5d6e7f8', DIGEST('b')));
    expect(first.spec.template.spec.containers[0].image).toBe(
      `ghcr.io/acme/checkout:1a2b3c4@${DIGEST('a')}`,
    );
    expect(second.spec.template.spec.containers[0].image).toBe(
      `ghcr.io/acme/checkout:5d6e7f8@${DIGEST('b')}`,
    );
    expect(replacesPreviousJob(first, second)).toBe(true);

    // The check itself: a plain same-named Job (what was generated before) would collide.
    const plain = (job: any) => ({
      ...job,
      metadata: { ...job.metadata, annotations: {} },
    });
    expect(replacesPreviousJob(plain(first), plain(second))).toBe(false);
  });
});

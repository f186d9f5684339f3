import { createMockDirectory } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import { BareClone } from '../gitops/local/BareClone';
import { createTestRemote } from '../gitops/local/createTestRemote';
import { GitCliSnapshotSource } from '../gitops/local/GitCliSnapshotSource';
import { ParsedFiles } from '../gitops/snapshot/ParsedFiles';
import { ReadThroughCache } from '../gitops/snapshot/ReadThroughCache';
import { SnapshotRepository } from '../gitops/snapshot/SnapshotRepository';
import type { GitComparison } from '../gitops/types';
import { migrationsJobManifest } from '../gitops/__testUtils__/migrationsJobManifest';
import { readDesiredState } from './readDesiredState';

// Real git processes: seconds on a loaded machine.
jest.setTimeout(30_000);

const IMAGE = 'ghcr.io/acme/checkout';
const overlay = (resources: string[]) =>
  `resources:\n${resources
    .map(r => `  - ${r}\n`)
    .join('')}images:\n  - name: ${IMAGE}\n    newTag: "1.10"\n`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${IMAGE}:latest
`;
const HOUSEKEEPING_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: cleanup
spec:
  template:
    spec:
      containers:
        - name: cleanup
          image: busybox:1.36
`;

const mockDir = createMockDirectory();

async function snapshotOf(files: Record<string, string>) {
  const root = mockDir.resolve(`run-${Math.random().toString(36).slice(2)}`);
  const remote = await createTestRemote(root);
  await remote.commit(files, 'Layout');
  const source = new GitCliSnapshotSource({
    clone: new BareClone({
      url: remote.url,
      displayName: 'acme/gitops',
      clonesDirectory: join(root, 'clones'),
      refreshIntervalMs: 60_000,
      networkTimeoutMs: 10_000,
    }),
    branch: 'main',
  });
  const blobReads = jest.spyOn(source, 'readBlobs');
  const repository = new SnapshotRepository({
    source,
    parsed: new ParsedFiles(),
    comparisons: new ReadThroughCache<GitComparison>({ ttlMs: 60_000 }),
    ttlMs: 60_000,
  });
  return { snapshot: await repository.snapshot(), blobReads };
}

describe('readDesiredState: a declared migrations Job', () => {
  it('is found in the overlay’s own resources, read with the snapshot (no read per view)', async () => {
    const { snapshot, blobReads } = await snapshotOf({
      'k8s/overlays/prod/kustomization.yaml': overlay([
        '../../base',
        'migrate.yaml',
      ]),
      'k8s/overlays/prod/migrate.yaml': migrationsJobManifest(
        'ghcr.io/acme/migrator:2',
      ),
      'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'k8s/base/deployment.yaml': DEPLOYMENT,
    });
    const readsWithSnapshot = blobReads.mock.calls.length;

    const desired = await readDesiredState(
      snapshot,
      'k8s/overlays/prod',
      IMAGE,
    );
    await readDesiredState(snapshot, 'k8s/overlays/prod', IMAGE);

    expect(desired.migrationsJob).toBe(true);
    expect(desired.image?.tag).toBe('1.10');
    expect(blobReads.mock.calls.length).toBe(readsWithSnapshot);
  });

  it('is found in the base the overlay names, also when it runs the service’s image unlabelled', async () => {
    const unlabelled = migrationsJobManifest(`${IMAGE}:latest`, {
      labelled: false,
    });
    expect(unlabelled).not.toContain('stageline.io/step');
    const { snapshot } = await snapshotOf({
      'k8s/overlays/prod/kustomization.yaml': overlay(['../../base']),
      'k8s/base/kustomization.yaml':
        'resources:\n  - deployment.yaml\n  - jobs/migrate.yaml\n',
      'k8s/base/deployment.yaml': DEPLOYMENT,
      'k8s/base/jobs/migrate.yaml': unlabelled,
    });

    const desired = await readDesiredState(
      snapshot,
      'k8s/overlays/prod',
      IMAGE,
    );

    expect(desired.migrationsJob).toBe(true);
  });

  it('is not found when the layout has only other Jobs, or a Job file nobody lists', async () => {
    const { snapshot } = await snapshotOf({
      'k8s/overlays/prod/kustomization.yaml': overlay([
        '../../base',
        'cleanup.yaml',
      ]),
      'k8s/overlays/prod/cleanup.yaml': HOUSEKEEPING_JOB,
      // A migrations Job in the tree that no kustomization names is not deployed.
      'k8s/overlays/prod/unused-migrate.yaml': migrationsJobManifest(
        `${IMAGE}:1`,
      ),
      'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'k8s/base/deployment.yaml': DEPLOYMENT,
    });

    const desired = await readDesiredState(
      snapshot,
      'k8s/overlays/prod',
      IMAGE,
    );

    expect(desired).not.toHaveProperty('migrationsJob');
  });

  it('never follows a resource outside the repository', async () => {
    const { snapshot } = await snapshotOf({
      // Climbs past the root: normalised, `../../../migrate.yaml` would be the root's file.
      'k8s/overlays/prod/kustomization.yaml': overlay([
        '../../../../migrate.yaml',
        '/migrate.yaml',
      ]),
      'migrate.yaml': migrationsJobManifest(`${IMAGE}:1`),
    });

    const desired = await readDesiredState(
      snapshot,
      'k8s/overlays/prod',
      IMAGE,
    );

    expect(desired).not.toHaveProperty('migrationsJob');
  });
});

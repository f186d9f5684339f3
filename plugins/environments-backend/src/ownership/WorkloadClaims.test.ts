import type { Entity } from '@backstage/catalog-model';
import type { EntityContext } from '../catalog/EntityContext';
import { WorkloadClaims } from './WorkloadClaims';

const entity = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
});

const ctx = (name: string, labelSelector: string): EntityContext => ({
  entityRef: `component:default/${name}`,
  service: name,
  chain: 'default',
  labelSelector,
  gitopsRepoAnnotation: 'stageline.io/gitops-repo',
  overlaysPath: 'k8s/overlays',
});

describe('WorkloadClaims', () => {
  it('finds the other entities with the same selector, however it is spelled', async () => {
    const listEntities = jest.fn(async () => [
      entity('payments', { 'backstage.io/kubernetes-id': 'payments' }),
      entity('copy', {
        'backstage.io/kubernetes-id': 'x',
        'backstage.io/kubernetes-label-selector':
          'tier = web, backstage.io/kubernetes-id=payments',
      }),
      entity('cart', { 'backstage.io/kubernetes-id': 'cart' }),
    ]);
    const claims = new WorkloadClaims({
      listEntities,
      overlaysPath: 'k8s/overlays',
    });

    const others = await claims.othersClaiming(
      ctx('payments', 'backstage.io/kubernetes-id=payments,tier=web'),
    );

    expect(others.map(o => o.entityRef)).toEqual(['component:default/copy']);
    await expect(
      claims.othersClaiming(ctx('cart', 'backstage.io/kubernetes-id=cart')),
    ).resolves.toEqual([]);
    expect(listEntities).toHaveBeenCalledTimes(1);
  });

  it('reads the catalog at most once per TTL, serving the index meanwhile', async () => {
    let now = 0;
    const listEntities = jest.fn(async () => [
      entity('a', { 'backstage.io/kubernetes-id': 'a' }),
    ]);
    const claims = new WorkloadClaims({
      listEntities,
      overlaysPath: 'k8s/overlays',
      ttlMs: 60_000,
      now: () => now,
    });
    const b = ctx('b', 'backstage.io/kubernetes-id=a');
    await expect(claims.othersClaiming(b)).resolves.toHaveLength(1);
    now = 59_000;
    await claims.othersClaiming(b);
    expect(listEntities).toHaveBeenCalledTimes(1);
    now = 61_000;
    listEntities.mockResolvedValueOnce([]);
    await expect(claims.othersClaiming(b)).resolves.toHaveLength(1);
    await new Promise(r => setImmediate(r));
    expect(listEntities).toHaveBeenCalledTimes(2);
    await expect(claims.othersClaiming(b)).resolves.toEqual([]);
  });
});

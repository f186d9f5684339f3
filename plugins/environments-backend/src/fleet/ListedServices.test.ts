import type { Entity } from '@backstage/catalog-model';
import { ListedServices } from './ListedServices';

function component(
  name: string,
  options: { etag?: string; owner?: string; title?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title ? { title: options.title } : {}),
      ...(options.etag ? { etag: options.etag } : {}),
    },
    spec: { owner: options.owner ?? 'team-a', system: 'shop' },
  };
}

describe('ListedServices', () => {
  it('derives a listed entity once while its etag is unchanged, again when the etag changes', () => {
    const listed = new ListedServices();
    const first = listed.describe(component('checkout', { etag: 'e1' }));
    expect(first).toMatchObject({
      ref: 'component:default/checkout',
      fingerprint: 'etag:e1',
      summary: {
        entityRef: 'component:default/checkout',
        owner: 'group:default/team-a',
        system: 'system:default/shop',
      },
    });
    // The catalog answers a new object each call: the same etag is the same entity.
    expect(listed.describe(component('checkout', { etag: 'e1' }))).toBe(first);

    const edited = listed.describe(
      component('checkout', { etag: 'e2', owner: 'team-b' }),
    );
    expect(edited).not.toBe(first);
    expect(edited.fingerprint).toBe('etag:e2');
    expect(edited.summary.owner).toBe('group:default/team-b');
  });

  it('compares the whole entity when the catalog gives no etag', () => {
    const listed = new ListedServices();
    const first = listed.describe(component('checkout'));
    expect(listed.describe(component('checkout'))).toBe(first);
    const retitled = listed.describe(
      component('checkout', { title: 'Checkout API' }),
    );
    expect(retitled).not.toBe(first);
    expect(retitled.summary.title).toBe('Checkout API');
  });

  it('forgets the services a whole list no longer holds', () => {
    const listed = new ListedServices();
    const checkout = listed.describe(component('checkout', { etag: 'e1' }));
    listed.describe(component('payments', { etag: 'e1' }));
    expect(listed.size).toBe(2);
    listed.retainOnly([checkout]);
    expect(listed.size).toBe(1);
    expect(listed.describe(component('checkout', { etag: 'e1' }))).toBe(
      checkout,
    );
  });
});

import type { CatalogApi } from '@backstage/plugin-catalog-react';
import type { EnvironmentsApi } from '@stageline/plugin-environments';
import { loadMyServices } from './loadMyServices';

const component = (name: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
});

const promotion = (
  id: string,
  state: string,
  requestedBy: string,
  approved: string[] = [],
) => ({
  id,
  state,
  target: 'production',
  requestedBy,
  approvalsRequired: 2,
  approvals: approved.map(user => ({
    user,
    decision: 'approved',
    valid: true,
  })),
});

describe('loadMyServices', () => {
  it('lists the owned services with environments and their promotions awaiting approval', async () => {
    const getEntities = jest.fn(async () => ({
      items: [
        component('payments', { 'backstage.io/kubernetes-id': 'payments' }),
        component('shop-docs'),
        component('checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
      ],
    }));
    const getPromotions = jest.fn(async ({ name }: { name: string }) => {
      if (name === 'payments') throw new Error('503 Service Unavailable');
      return {
        promotions: [
          promotion('p-3', 'awaiting-approval', 'user:default/carol', [
            'user:default/alice',
          ]),
          promotion('p-2', 'awaiting-approval', 'user:default/guest'),
          promotion('p-1', 'succeeded', 'user:default/carol'),
        ],
      };
    });

    const services = await loadMyServices({
      catalog: { getEntities } as unknown as CatalogApi,
      environments: { getPromotions } as unknown as EnvironmentsApi,
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: [
        'user:default/guest',
        'group:default/team-checkout',
      ],
    });

    expect(getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          kind: 'Component',
          'relations.ownedBy': [
            'user:default/guest',
            'group:default/team-checkout',
          ],
        },
      }),
    );
    expect(services.map(s => s.name)).toEqual(['checkout', 'payments']);
    expect(services[0].awaiting).toEqual([
      {
        id: 'p-3',
        target: 'production',
        requestedBy: 'user:default/carol',
        approvals: { required: 2, given: 1 },
        ownRequest: false,
      },
      {
        id: 'p-2',
        target: 'production',
        requestedBy: 'user:default/guest',
        approvals: { required: 2, given: 0 },
        ownRequest: true,
      },
    ]);
    // One service's failure stays on that service.
    expect(services[1]).toMatchObject({
      awaiting: [],
      error: '503 Service Unavailable',
    });
  });
});

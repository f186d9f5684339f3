import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityEnvironmentsLink } from './EntityEnvironmentsLink';

describe('EntityEnvironmentsLink', () => {
  const entityPage = { '/services/:namespace/:kind/:name': entityRouteRef };

  it("links to the Environments tab below wherever the app mounts the catalog's entity page", async () => {
    await renderInTestApp(
      <EntityEnvironmentsLink entityRef="Component:shop/checkout">
        checkout
      </EntityEnvironmentsLink>,
      { mountedRoutes: entityPage },
    );
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/services/shop/component/checkout/environments',
    );
  });

  it("links to a promotion's detail view in the tab, its id encoded", async () => {
    await renderInTestApp(
      <EntityEnvironmentsLink
        entityRef={{ kind: 'component', namespace: 'default', name: 'cart' }}
        promotionId="p 1/2"
      >
        promotion
      </EntityEnvironmentsLink>,
      { mountedRoutes: entityPage },
    );
    expect(screen.getByRole('link', { name: 'promotion' })).toHaveAttribute(
      'href',
      '/services/default/component/cart/environments/promotions/p%201%2F2',
    );
  });

  it("falls back to the catalog's default entity path where no catalog is installed", async () => {
    await renderInTestApp(
      <EntityEnvironmentsLink entityRef="component:default/checkout">
        checkout
      </EntityEnvironmentsLink>,
    );
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/environments',
    );
  });
});

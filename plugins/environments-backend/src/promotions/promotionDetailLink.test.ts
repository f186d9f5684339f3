import { promotionDetailLink } from './promotionDetailLink';

describe('promotionDetailLink', () => {
  it("points at the promotion's page below the Environments tab, relative to the app", () => {
    expect(
      promotionDetailLink({
        id: 'p-1',
        entityRef: 'component:default/checkout',
      }),
    ).toBe('/catalog/default/component/checkout/environments/promotions/p-1');
  });

  it('encodes each part', () => {
    expect(
      promotionDetailLink({
        id: 'a/b',
        entityRef: 'component:team a/checkout',
      }),
    ).toBe(
      '/catalog/team%20a/component/checkout/environments/promotions/a%2Fb',
    );
  });
});

import { chainForService, forService } from './forService';

describe('forService', () => {
  it('names namespaces and preview patterns for one service', () => {
    expect(forService('{service}-pr-{number}', 'checkout')).toBe(
      'checkout-pr-{number}',
    );
    expect(forService('feature-pr-{number}', 'checkout')).toBe(
      'feature-pr-{number}',
    );
    const qa = {
      name: 'qa',
      namespace: '{service}-qa',
      overlay: 'qa',
      protected: false,
    };
    const shared = {
      name: 'prod',
      namespace: 'production',
      overlay: 'prod',
      protected: true,
    };
    expect(chainForService([qa, shared], 'cart')).toEqual([
      { ...qa, namespace: 'cart-qa' },
      shared,
    ]);
  });
});

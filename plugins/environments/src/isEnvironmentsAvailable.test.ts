import { isEnvironmentsAvailable } from './isEnvironmentsAvailable';

describe('isEnvironmentsAvailable', () => {
  const entity = (annotations?: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
  });

  it('needs backstage.io/kubernetes-id', () => {
    expect(
      isEnvironmentsAvailable(entity({ 'backstage.io/kubernetes-id': 'x' })),
    ).toBe(true);
    expect(
      isEnvironmentsAvailable(entity({ 'backstage.io/kubernetes-id': '' })),
    ).toBe(false);
    expect(isEnvironmentsAvailable(entity())).toBe(false);
  });
});

import { Entity } from '@backstage/catalog-model';
import { resolveEntityContext } from './resolveEntityContext';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', annotations },
  spec: {},
});

describe('resolveEntityContext', () => {
  it('applies the documented defaults', () => {
    expect(
      resolveEntityContext(
        entity({
          'backstage.io/kubernetes-id': 'checkout',
          'github.com/project-slug': 'acme/checkout',
        }),
        { overlaysPath: 'k8s/overlays' },
      ),
    ).toEqual({
      entityRef: 'component:default/checkout',
      service: 'checkout',
      chain: 'default',
      labelSelector: 'backstage.io/kubernetes-id=checkout',
      gitopsRepo: 'acme/checkout',
      gitopsRepoAnnotation: 'github.com/project-slug',
      sourceRepo: 'acme/checkout',
      overlaysPath: 'k8s/overlays',
      imageName: undefined,
    });
  });

  it('honours every Stageline annotation and the label-selector annotation', () => {
    const ctx = resolveEntityContext(
      entity({
        'backstage.io/kubernetes-id': 'checkout',
        'backstage.io/kubernetes-label-selector': 'app=checkout,tier=api',
        'stageline.io/gitops-repo': 'acme/gitops',
        'stageline.io/overlays-path': 'apps/checkout/overlays/',
        'stageline.io/image': 'ghcr.io/acme/checkout',
        'stageline.io/chain': 'regulated',
      }),
      { overlaysPath: 'k8s/overlays' },
    );
    expect(ctx).toMatchObject({
      labelSelector: 'app=checkout,tier=api',
      gitopsRepo: 'acme/gitops',
      overlaysPath: 'apps/checkout/overlays',
      imageName: 'ghcr.io/acme/checkout',
      chain: 'regulated',
    });
  });

  it.each([
    '../prod',
    'apps/../../x',
    'a\\..\\b',
    'a//b',
    'x\0y',
    '/etc',
    '/apps/checkout/overlays',
    'C:/overlays',
  ])(
    'refuses the overlays path %j that could leave the repository',
    overlaysPath => {
      expect(() =>
        resolveEntityContext(
          entity({
            'backstage.io/kubernetes-id': 'checkout',
            'stageline.io/overlays-path': overlaysPath,
          }),
          { overlaysPath: 'k8s/overlays' },
        ),
      ).toThrow(/relative folder inside the repository/);
    },
  );

  it('refuses an entity without backstage.io/kubernetes-id', () => {
    expect(() =>
      resolveEntityContext(entity({}), { overlaysPath: 'k8s/overlays' }),
    ).toThrow(/kubernetes-id/);
  });
});

import { editOverlay } from './editOverlay';
import { isPromotionWrite } from './isPromotionWrite';

const PATH = 'k8s/overlays/staging/kustomization.yaml';
const NAME = 'ghcr.io/acme/checkout';
const BEFORE = `images:\n  - name: ${NAME}\n    newTag: "0aaaaaa"\n`;
const request = {
  path: PATH,
  imageName: NAME,
  image: { name: NAME, tag: '1e10' },
};
const genuine = {
  parents: ['a'.repeat(40)],
  changedPaths: [PATH],
  overlayAtParent: BEFORE,
  overlayAtCommit: editOverlay(BEFORE, request),
};

describe('isPromotionWrite', () => {
  it('accepts one parent, only the overlay changed, exactly the promoted images entry', () => {
    expect(isPromotionWrite(request, genuine)).toBe(true);
  });

  it.each([
    ['two parents (a merge)', { parents: ['a'.repeat(40), 'b'.repeat(40)] }],
    ['no parent (a root commit)', { parents: [] }],
    ['another file changed too', { changedPaths: [PATH, 'other.yaml'] }],
    ['only another file changed', { changedPaths: ['other.yaml'] }],
    [
      'another tag',
      {
        overlayAtCommit: editOverlay(BEFORE, {
          ...request,
          image: { name: NAME, tag: '6666666' },
        }),
      },
    ],
    [
      'the promoted entry plus another edit',
      { overlayAtCommit: `${editOverlay(BEFORE, request)}# and more\n` },
    ],
    ['the overlay absent at the parent', { overlayAtParent: undefined }],
    ['the overlay absent at the commit', { overlayAtCommit: undefined }],
    [
      'a parent overlay Stageline cannot edit',
      { overlayAtParent: 'images: 3\n' },
    ],
  ])('refuses %s', (_, change) => {
    expect(isPromotionWrite(request, { ...genuine, ...change })).toBe(false);
  });
});

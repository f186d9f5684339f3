import type { KustomizeImage } from './KustomizeImage';
import { resolveOverlayImage } from './resolveOverlayImage';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OLD_DIGEST = `sha256:${'f'.repeat(64)}`;
const NAME = 'ghcr.io/acme/checkout';

describe('resolveOverlayImage', () => {
  it.each<[string, KustomizeImage, object]>([
    ['newTag only', { name: NAME, newTag: 'v2' }, { name: NAME, tag: 'v2' }],
    [
      'digest only',
      { name: NAME, digest: DIGEST },
      { name: NAME, digest: DIGEST },
    ],
    [
      'newTag and digest',
      { name: NAME, newTag: 'v2', digest: DIGEST },
      { name: NAME, tag: 'v2', digest: DIGEST },
    ],
    [
      'newName only (keeps the base version)',
      { name: NAME, newName: 'mirror.example.com/checkout' },
      { name: 'mirror.example.com/checkout', tag: 'v1', digest: OLD_DIGEST },
    ],
    [
      'newName and newTag',
      { name: NAME, newName: 'mirror.example.com/checkout', newTag: 'v2' },
      { name: 'mirror.example.com/checkout', tag: 'v2' },
    ],
  ])('applies %s over the base image', (_, entry, expected) => {
    expect(
      resolveOverlayImage({
        images: [entry],
        baseImage: { name: NAME, tag: 'v1', digest: OLD_DIGEST },
      }),
    ).toEqual(expected);
  });

  it('resolves the only entry when no image name is given', () => {
    expect(
      resolveOverlayImage({ images: [{ name: 'app', newTag: 'abc1234' }] }),
    ).toEqual({ name: 'app', tag: 'abc1234' });
  });

  it('picks the entry named by the annotation among several', () => {
    const images = [
      { name: 'redis', newTag: '7' },
      { name: NAME, newTag: 'v3', digest: DIGEST },
    ];
    expect(resolveOverlayImage({ images, imageName: NAME })).toEqual({
      name: NAME,
      tag: 'v3',
      digest: DIGEST,
    });
  });

  it('asks for the annotation when several entries exist and none is chosen', () => {
    const images = [{ name: 'redis' }, { name: NAME }];
    expect(() => resolveOverlayImage({ images })).toThrow(
      /2 images entries \(redis, ghcr.io\/acme\/checkout\); set the stageline.io\/image annotation/,
    );
  });

  it('matches names exactly, not as regular expressions', () => {
    const images = [{ name: 'my.registry/app', newTag: 'v2' }];
    expect(
      resolveOverlayImage({ images, imageName: 'myXregistry/app' }),
    ).toBeUndefined();
  });

  it('does not normalize registry names', () => {
    const images = [{ name: 'docker.io/library/nginx', newTag: '1.27' }];
    expect(resolveOverlayImage({ images, imageName: 'nginx' })).toBeUndefined();
  });

  it('uses the base image name to pick the entry', () => {
    const images = [{ name: 'redis' }, { name: NAME, newTag: 'v4' }];
    expect(
      resolveOverlayImage({ images, baseImage: { name: NAME, tag: 'v1' } }),
    ).toEqual({ name: NAME, tag: 'v4' });
  });

  it('returns the base image unchanged when no entry matches it', () => {
    const baseImage = { name: NAME, tag: 'v1' };
    expect(
      resolveOverlayImage({
        images: [{ name: 'redis', newTag: '7' }],
        baseImage,
      }),
    ).toEqual(baseImage);
  });

  it('returns undefined when nothing is known', () => {
    expect(resolveOverlayImage({ images: [] })).toBeUndefined();
    expect(
      resolveOverlayImage({ images: [], imageName: NAME }),
    ).toBeUndefined();
  });

  it('keeps an entry without version fields as the bare name', () => {
    expect(resolveOverlayImage({ images: [{ name: 'app' }] })).toEqual({
      name: 'app',
    });
  });
});

import { ImageReferenceError } from './ImageReferenceError';
import { parseImageReference } from './parseImageReference';

const HEX = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
const DIGEST = `sha256:${HEX}`;

describe('parseImageReference', () => {
  it.each([
    ['app', { name: 'app' }],
    ['app:1.2', { name: 'app', tag: '1.2' }],
    ['acme/app:v1', { name: 'acme/app', tag: 'v1' }],
    ['ghcr.io/acme/app', { name: 'ghcr.io/acme/app' }],
    ['localhost:5000/app', { name: 'localhost:5000/app' }],
    ['localhost:5000/app:5000', { name: 'localhost:5000/app', tag: '5000' }],
    [
      `ghcr.io:443/acme/app:1.2@${DIGEST}`,
      { name: 'ghcr.io:443/acme/app', tag: '1.2', digest: DIGEST },
    ],
    [`app@${DIGEST}`, { name: 'app', digest: DIGEST }],
    [
      'Registry.Example.COM/acme/app',
      { name: 'Registry.Example.COM/acme/app' },
    ],
    ['[::1]:5000/app:x', { name: '[::1]:5000/app', tag: 'x' }],
    [
      'a/b__c/d-e--f/g.h_i:_tag-1.0',
      { name: 'a/b__c/d-e--f/g.h_i', tag: '_tag-1.0' },
    ],
    [
      'docker.io/library/nginx:1.27',
      { name: 'docker.io/library/nginx', tag: '1.27' },
    ],
    [`app:${'t'.repeat(128)}`, { name: 'app', tag: 't'.repeat(128) }],
  ])('parses %s', (ref, expected) => {
    expect(parseImageReference(ref)).toEqual(expected);
  });

  it.each([
    ['', /empty/],
    [' app', /whitespace/],
    ['App', /must be lowercase/],
    ['ghcr.io/Acme/app', /must be lowercase/],
    ['app:', /tag after ':' is empty/],
    ['app@', /digest after '@' is empty/],
    ['app@sha256:short', /exactly 64 lowercase hex/],
    [`app@sha256:${HEX.toUpperCase()}`, /exactly 64 lowercase hex/],
    [`app@sha512:${HEX}${HEX}`, /algorithm 'sha512' is not supported/],
    [`app@${HEX}`, /must be 'sha256:'/],
    ['app:-x', /tag '-x'/],
    ['app:.x', /tag '.x'/],
    [`app:${'t'.repeat(129)}`, /tag/],
    ['app:v1:v2', /tag 'v1:v2'/],
    [':tag', /repository name is empty/],
    ['acme//app', /empty path component/],
    ['acme/app/', /empty path component/],
    ['-app', /invalid component '-app'/],
    ['app_', /invalid component 'app_'/],
    ['a___b', /invalid component/],
    [`${'a'.repeat(256)}`, /longer than 255/],
    ['host:port/app', /invalid component 'host:port'/],
  ])('rejects %j', (ref, message) => {
    expect(() => parseImageReference(ref)).toThrow(message);
    expect(() => parseImageReference(ref)).toThrow(ImageReferenceError);
  });

  it('names the error InputError so the backend answers 400', () => {
    expect(() => parseImageReference('App')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});

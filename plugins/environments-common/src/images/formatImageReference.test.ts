import { formatImageReference } from './formatImageReference';
import { parseImageReference } from './parseImageReference';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('formatImageReference', () => {
  it.each([
    [{ name: 'app' }, 'app'],
    [{ name: 'app', tag: 'v1' }, 'app:v1'],
    [{ name: 'app', digest: DIGEST }, `app@${DIGEST}`],
    [
      { name: 'ghcr.io:443/acme/app', tag: '1.2', digest: DIGEST },
      `ghcr.io:443/acme/app:1.2@${DIGEST}`,
    ],
  ])('formats %j', (ref, expected) => {
    expect(formatImageReference(ref)).toBe(expected);
  });

  it.each(['app', 'localhost:5000/app:1', `a/b:c@${DIGEST}`])(
    'round-trips %s through parseImageReference',
    ref => {
      expect(formatImageReference(parseImageReference(ref))).toBe(ref);
    },
  );
});

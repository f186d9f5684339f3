import { verifiedInSourceGate } from './verifiedInSourceGate';

const v = (tag: string) => ({
  name: 'registry.example.com/shop/checkout',
  tag,
  digest: `sha256:${tag.padEnd(64, '0')}`,
});

describe('verifiedInSourceGate', () => {
  it('passes for a version verified in the source', () => {
    expect(
      verifiedInSourceGate({
        source: 'staging',
        candidate: v('a1'),
        verifiedVersions: [v('b2'), v('a1')],
      }),
    ).toMatchObject({ id: 'verified-in-source', passed: true });
  });

  it('fails for a version not verified there, naming the source', () => {
    expect(
      verifiedInSourceGate({
        source: 'staging',
        candidate: v('a1'),
        verifiedVersions: [v('b2')],
      }),
    ).toMatchObject({
      passed: false,
      blocksRequest: true,
      reason: expect.stringMatching(
        /has not passed verification in staging \(required\)$/,
      ),
    });
  });

  it('fails closed when the verified versions are unknown or nothing is promotable', () => {
    expect(
      verifiedInSourceGate({ source: 'staging', candidate: v('a1') }).passed,
    ).toBe(false);
    expect(
      verifiedInSourceGate({ source: 'staging', verifiedVersions: [] }).reason,
    ).toBe('staging has no version to promote, so none is verified there');
  });
});

import { digestOf } from './digestOf';

const NAME = 'registry.example.com/shop/checkout';

describe('digestOf', () => {
  it('returns the digest the overlay pins', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(digestOf({ name: NAME, tag: 'v1', digest })).toBe(digest);
  });

  it('derives a stable digest per name and tag when none is pinned', () => {
    const v1 = digestOf({ name: NAME, tag: 'v1' });
    expect(v1).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digestOf({ name: NAME, tag: 'v1' })).toBe(v1);
    expect(digestOf({ name: NAME, tag: 'v2' })).not.toBe(v1);
    expect(digestOf({ name: `${NAME}-other`, tag: 'v1' })).not.toBe(v1);
  });
});

import { demoUid } from './demoUid';

describe('demoUid', () => {
  it('is a UUID-shaped UID, the same for the same object and different for another', () => {
    const uid = demoUid('ReplicaSet', 'qa', 'checkout-1a2b3c');
    expect(uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(demoUid('ReplicaSet', 'qa', 'checkout-1a2b3c')).toBe(uid);
    expect(demoUid('ReplicaSet', 'staging', 'checkout-1a2b3c')).not.toBe(uid);
    expect(demoUid('Deployment', 'qa', 'checkout-1a2b3c')).not.toBe(uid);
  });
});

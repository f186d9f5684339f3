/** The people of the scenarios, as catalog User entities with display names. */
export const testUserEntities = [
  ['ana', 'Ana Alvarez'],
  ['bo', 'Bo Berg'],
].map(([name, displayName]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName } },
}));

import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';

/**
 * The chain used when config names none: qa, then staging, then production, of which only
 * production is protected.
 */
export const defaultChain: EnvironmentDefinition[] = [
  { name: 'qa', namespace: 'qa', overlay: 'qa', protected: false },
  {
    name: 'staging',
    namespace: 'staging',
    overlay: 'staging',
    protected: false,
  },
  {
    name: 'production',
    namespace: 'production',
    overlay: 'production',
    protected: true,
  },
];

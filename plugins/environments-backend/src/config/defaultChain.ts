import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';

/** The chain of the source articles, used when config names none. */
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

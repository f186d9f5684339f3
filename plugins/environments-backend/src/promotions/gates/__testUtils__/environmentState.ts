import type {
  EnvironmentState,
  LiveState,
} from '@stageline/plugin-environments-common';
import { liveState } from '../../../kubernetes/__testUtils__/liveState';

export const IMAGE = 'registry.example.com/shop/checkout';
export const SHA = 'abc1234def5678abc1234def5678abc1234def56';
export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const NOW = new Date('2024-05-06T12:00:00Z');

export function minutesAgo(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

/**
 * A test environment that declares and runs `IMAGE:SHA` with one digest, healthy, its version
 * started 2h before NOW and healthy since 1h before NOW.
 */
export function environmentState(
  name: string,
  overrides: { live?: Partial<LiveState> | null } & Partial<
    Omit<EnvironmentState, 'live'>
  > = {},
): EnvironmentState {
  const { live, ...rest } = overrides;
  return {
    name,
    namespace: name,
    overlay: name,
    protected: false,
    desired: {
      path: `k8s/overlays/${name}/kustomization.yaml`,
      image: { name: IMAGE, tag: SHA },
    },
    ...(live !== null && {
      live: liveState({
        namespace: name,
        image: { name: IMAGE, tag: SHA },
        digests: [DIGEST],
        since: minutesAgo(120),
        healthySince: minutesAgo(60),
        ...live,
      }),
    }),
    inFlight: [],
    sync: { status: 'in-sync', reason: 'Runs as Git declares' },
    errors: [],
    ...rest,
  };
}

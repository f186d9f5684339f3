import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { environmentReasons } from './environmentReasons';

const env = (overrides: Partial<EnvironmentState>): EnvironmentState => ({
  name: 'staging',
  namespace: 'staging',
  overlay: 'staging',
  protected: false,
  inFlight: [],
  sync: { status: 'in-sync', reason: 'Runs what Git declares' },
  errors: [],
  ...overrides,
});

describe('environmentReasons', () => {
  it('has nothing to explain when in sync without errors', () => {
    expect(environmentReasons(env({}))).toEqual([]);
  });

  it('puts read errors first, then the sync reason, each sentence once', () => {
    expect(
      environmentReasons(
        env({
          sync: { status: 'unknown', reason: 'The cluster could not be read' },
          errors: [
            { source: 'cluster', message: 'eu-1 unreachable' },
            { source: 'cluster', message: 'eu-1 unreachable' },
          ],
        }),
      ),
    ).toEqual(['Cluster: eu-1 unreachable', 'The cluster could not be read']);
  });
});

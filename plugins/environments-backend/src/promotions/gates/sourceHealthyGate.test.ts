import {
  environmentState,
  minutesAgo,
  NOW,
} from './__testUtils__/environmentState';
import { sourceHealthyGate } from './sourceHealthyGate';

const TEN_MINUTES = 10 * 60_000;

describe('sourceHealthyGate', () => {
  it('passes when healthy for long enough', () => {
    expect(
      sourceHealthyGate({
        source: environmentState('qa'),
        healthyForMs: TEN_MINUTES,
        now: NOW,
      }),
    ).toEqual({
      id: 'source-healthy',
      passed: true,
      reason: 'qa healthy for 1h (10m required)',
      blocksRequest: true,
    });
  });

  it('says how long is left and when it will pass', () => {
    const result = sourceHealthyGate({
      source: environmentState('qa', { live: { healthySince: minutesAgo(3) } }),
      healthyForMs: TEN_MINUTES,
      now: NOW,
    });
    expect(result).toMatchObject({
      passed: false,
      reason: 'qa healthy for 3m: 7m left (10m required)',
      until: '2024-05-06T12:07:00.000Z',
    });
  });

  it('passes a healthy source at once when no duration is required', () => {
    const source = environmentState('qa', {
      live: { healthySince: undefined },
    });
    expect(
      sourceHealthyGate({ source, healthyForMs: 0, now: NOW }).passed,
    ).toBe(true);
  });

  it.each([
    [
      'not healthy',
      environmentState('qa', {
        live: {
          health: 'progressing',
          reasons: ['Rolling out: 1 of 2 updated, 1 available'],
        },
      }),
      'qa is progressing: Rolling out: 1 of 2 updated, 1 available',
    ],
    [
      'healthy since an unknown time',
      environmentState('qa', { live: { healthySince: undefined } }),
      'qa is healthy but since when is unknown (10m required)',
    ],
    [
      'the cluster could not be read',
      environmentState('qa', {
        errors: [{ source: 'cluster', message: 'Unauthorized' }],
      }),
      'qa health unknown: the cluster could not be read (see qa)',
    ],
  ])('fails closed when %s', (_, source, reason) => {
    expect(
      sourceHealthyGate({ source, healthyForMs: TEN_MINUTES, now: NOW }),
    ).toMatchObject({ passed: false, reason });
  });
});

import {
  environmentState,
  minutesAgo,
  NOW,
} from './__testUtils__/environmentState';
import { soakTimeGate } from './soakTimeGate';

const HOUR = 60 * 60_000;

describe('soakTimeGate', () => {
  it('passes once the version ran for the soak time', () => {
    expect(
      soakTimeGate({
        source: environmentState('qa'),
        soakTimeMs: HOUR,
        now: NOW,
      }),
    ).toEqual({
      id: 'soak-time',
      passed: true,
      reason: 'qa has run abc1234 for 2h (1h required)',
      blocksRequest: true,
    });
  });

  it('says how long is left and when it ends', () => {
    const source = environmentState('qa', { live: { since: minutesAgo(26) } });
    expect(soakTimeGate({ source, soakTimeMs: HOUR, now: NOW })).toMatchObject({
      passed: false,
      reason: 'qa has run abc1234 for 26m: 34m left (1h required)',
      until: '2024-05-06T12:34:00.000Z',
    });
  });

  it('passes without a soak time, whatever the cluster says', () => {
    const source = environmentState('qa', {
      live: null,
      errors: [{ source: 'cluster', message: 'down' }],
    });
    expect(soakTimeGate({ source, soakTimeMs: 0, now: NOW })).toMatchObject({
      passed: true,
      reason: 'no soak time required',
    });
  });

  it.each([
    [
      environmentState('qa', { live: { since: undefined } }),
      'qa: when the running version started is unknown (1h required)',
    ],
    [
      environmentState('qa', {
        live: null,
        errors: [{ source: 'cluster', message: 'down' }],
      }),
      'qa soak time unknown: the cluster could not be read (see qa)',
    ],
  ])('fails closed: %#', (source, reason) => {
    expect(soakTimeGate({ source, soakTimeMs: HOUR, now: NOW })).toMatchObject({
      passed: false,
      reason,
    });
  });
});

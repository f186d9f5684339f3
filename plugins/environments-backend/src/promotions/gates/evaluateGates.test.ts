import type { GatesConfig } from '../../config/Environment';
import {
  DIGEST,
  environmentState,
  IMAGE,
  minutesAgo,
  NOW,
} from './__testUtils__/environmentState';
import { promotionFixture } from './__testUtils__/promotionFixture';
import { evaluateGates } from './evaluateGates';
import type { GateInput } from './GateInput';

const GATES: GatesConfig = {
  healthyForMs: 10 * 60_000,
  soakTimeMs: 60 * 60_000,
  approvals: 1,
  freezeWindows: [
    {
      start: new Date('2024-12-23T00:00:00Z'),
      end: new Date('2024-12-27T00:00:00Z'),
    },
  ],
  verifiedInSource: false,
  freezeBlocksRollback: false,
};

// Every gate passes: qa healthy for 1h, its version soaked 2h, one approval by someone else.
function passingInput(): GateInput {
  return {
    now: NOW,
    source: environmentState('qa'),
    target: environmentState('staging'),
    gates: GATES,
    approvals: [
      {
        user: 'user:default/alice',
        decision: 'approved',
        at: minutesAgo(5),
        valid: true,
      },
    ],
    requestedBy: 'user:default/carol',
  };
}

function failing(input: GateInput): string[] {
  return evaluateGates(input)
    .filter(gate => !gate.passed)
    .map(gate => gate.id);
}

describe('evaluateGates', () => {
  it('returns every gate in a stable order, approvals alone not blocking requests', () => {
    const gates = evaluateGates(passingInput());
    expect(gates.map(g => [g.id, g.passed, g.blocksRequest])).toEqual([
      ['digest-verified', true, true],
      ['source-healthy', true, true],
      ['soak-time', true, true],
      ['freeze-window', true, true],
      ['no-promotion-in-flight', true, true],
      ['approvals', true, false],
    ]);
  });

  it.each<[string, string, (input: GateInput) => GateInput]>([
    [
      'digest-verified',
      'the promotion is for another version than the source runs',
      input => ({
        ...input,
        candidate: { name: IMAGE, tag: 'v0', digest: DIGEST },
      }),
    ],
    [
      'source-healthy',
      'the source is healthy for less than healthyFor',
      input => ({
        ...input,
        source: environmentState('qa', {
          live: { healthySince: minutesAgo(4) },
        }),
      }),
    ],
    [
      'source-healthy',
      'the source is degraded',
      input => ({
        ...input,
        source: environmentState('qa', {
          live: { health: 'degraded', reasons: ['Pod x: CrashLoopBackOff'] },
        }),
      }),
    ],
    [
      'soak-time',
      'the version ran in the source for less than the soak time',
      input => ({
        ...input,
        source: environmentState('qa', {
          live: { since: minutesAgo(30), healthySince: minutesAgo(30) },
        }),
      }),
    ],
    [
      'freeze-window',
      'the target is in a freeze window',
      input => ({
        ...input,
        now: new Date('2024-12-24T00:00:00Z'),
        source: aged(input),
      }),
    ],
    [
      'no-promotion-in-flight',
      'another promotion into the target is in flight',
      input => ({ ...input, inFlight: promotionFixture({ id: 'p-0' }) }),
    ],
    [
      'approvals',
      'approvals are missing',
      input => ({ ...input, approvals: [] }),
    ],
  ])('fails %s alone when %s', (id, _, change) => {
    expect(failing(change(passingInput()))).toEqual([id]);
  });

  it('fails closed, saying why, when the source cluster cannot be read', () => {
    const gates = evaluateGates({
      ...passingInput(),
      source: environmentState('qa', {
        live: null,
        errors: [{ source: 'cluster', message: 'connect ECONNREFUSED' }],
      }),
    });
    const failed = gates.filter(g => !g.passed);
    expect(failed.map(g => g.id)).toEqual([
      'digest-verified',
      'source-healthy',
      'soak-time',
    ]);
    for (const gate of failed) {
      expect(gate.reason).toContain('the cluster could not be read');
      expect(gate.until).toBeUndefined();
    }
  });

  it('does not count the promotion under evaluation as in flight', () => {
    const inFlight = promotionFixture({ id: 'p-9' });
    expect(
      failing({ ...passingInput(), inFlight, promotionId: 'p-9' }),
    ).toEqual([]);
  });
});

// The freeze window lies in December: keep the source's times relative to that "now".
function aged(input: GateInput) {
  const now = new Date('2024-12-24T00:00:00Z').getTime();
  const ago = (minutes: number) =>
    new Date(now - minutes * 60_000).toISOString();
  return environmentState(input.source.name, {
    live: { since: ago(120), healthySince: ago(60) },
  });
}

import type { PromotionReadiness } from '@stageline/plugin-environments-common';
import { promoteBlockedReasons } from './promoteBlockedReasons';

const readiness = (
  overrides: Partial<PromotionReadiness> = {},
): PromotionReadiness => ({
  source: 'staging',
  target: 'production',
  gates: [],
  ready: true,
  approvalsRequired: 0,
  protected: false,
  mode: 'pull-request',
  ...overrides,
});
const everything = { promote: true, promoteProtected: true };

describe('promoteBlockedReasons', () => {
  it('is empty when ready and allowed', () => {
    expect(promoteBlockedReasons(readiness(), everything)).toEqual([]);
  });

  it('says there is nothing to promote, rather than blaming the source', () => {
    expect(
      promoteBlockedReasons(
        readiness({
          ready: false,
          notReadyReason: 'production already declares v3: nothing to promote',
        }),
        everything,
      ),
    ).toEqual(['production already declares v3: nothing to promote']);
  });

  it('needs both permissions for a protected target', () => {
    const target = readiness({ protected: true });
    expect(
      promoteBlockedReasons(target, { promote: true, promoteProtected: false }),
    ).toEqual(['You may not promote to production']);
    expect(
      promoteBlockedReasons(readiness(), {
        promote: true,
        promoteProtected: false,
      }),
    ).toEqual([]);
  });

  it('lists failing gates that refuse a request, not approvals', () => {
    const gates = [
      {
        id: 'soak-time',
        passed: false,
        reason: 'soak: 34m left',
        blocksRequest: true,
      },
      {
        id: 'approvals',
        passed: false,
        reason: '0 of 2 approvals',
        blocksRequest: false,
      },
      {
        id: 'source-healthy',
        passed: true,
        reason: 'healthy',
        blocksRequest: true,
      },
    ] as PromotionReadiness['gates'];
    expect(
      promoteBlockedReasons(readiness({ ready: false, gates }), everything),
    ).toEqual(['soak: 34m left']);
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import type { Promotion } from '@stageline/plugin-environments-common';
import { PromotionNotifier } from './PromotionNotifier';

const promotion: Promotion = {
  id: 'p1',
  entityRef: 'component:default/checkout',
  kind: 'promotion',
  source: 'staging',
  target: 'production',
  version: { name: 'ghcr.io/acme/checkout', tag: 'a'.repeat(40) },
  requestedBy: 'user:default/guest',
  state: 'awaiting-approval',
  mode: 'commit',
  approvalsRequired: 2,
  approvals: [],
  links: {},
  createdAt: '2026-11-22T00:00:00Z',
  updatedAt: '2026-11-22T00:00:00Z',
};

describe('PromotionNotifier', () => {
  it('asks the approvers, with a short version and a link', async () => {
    const send = jest.fn(async () => {});
    const notifier = new PromotionNotifier({
      notifications: { send },
      logger: mockServices.logger.mock(),
      linkFor: () => '/catalog/default/component/checkout/environments',
    });
    await notifier.approvalNeeded(promotion, [
      'group:default/release-managers',
    ]);
    expect(send).toHaveBeenCalledWith({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/release-managers'],
        // The requester may be a release manager too, but may not approve their own request.
        excludeEntityRef: 'user:default/guest',
      },
      payload: expect.objectContaining({
        title: 'Approval needed: checkout aaaaaaa -> production',
        link: '/catalog/default/component/checkout/environments',
        severity: 'high',
      }),
    });
  });

  it.each([
    ['promotion', 'succeeded', 'Promoted: checkout aaaaaaa -> production'],
    ['rollback', 'succeeded', 'Rolled back: checkout aaaaaaa -> production'],
    ['promotion', 'failed', 'Promotion failed: checkout aaaaaaa -> production'],
    [
      'rollback',
      'cancelled',
      'Rollback cancelled: checkout aaaaaaa -> production',
    ],
  ] as const)('titles a finished %s that %s', async (kind, state, title) => {
    const send = jest.fn(async () => {});
    const notifier = new PromotionNotifier({
      notifications: { send },
      logger: mockServices.logger.mock(),
      linkFor: p => `/promotions/${p.id}`,
    });
    await notifier.finished({ ...promotion, kind, state });
    expect(send).toHaveBeenCalledWith({
      recipients: {
        type: 'entity',
        entityRef: ['user:default/guest', 'component:default/checkout'],
      },
      payload: expect.objectContaining({ title, link: '/promotions/p1' }),
    });
  });

  it('never fails the promotion when the notifications backend is missing', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new PromotionNotifier({
      notifications: { send: jest.fn().mockRejectedValue(new Error('404')) },
      logger,
      linkFor: () => '/',
    });
    await expect(
      notifier.finished({ ...promotion, state: 'failed' }),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalled();
  });
});

import { hasPromotionTrailer } from '../hasPromotionTrailer';
import { pullRequestBody } from './pullRequestBody';

describe('pullRequestBody', () => {
  it('reads the pull request bodies Stageline writes, also with the CRLF GitHub may return', () => {
    const body = pullRequestBody({
      body: 'Promote\n\nStageline-Promotion: p-2\n\nWhy: hotfix',
      promotionId: 'p-1',
    });
    expect(hasPromotionTrailer(body, 'p-1')).toBe(true);
    expect(hasPromotionTrailer(body.replace(/\n/g, '\r\n'), 'p-1')).toBe(true);
    expect(hasPromotionTrailer(body, 'p-2')).toBe(false);
  });
});

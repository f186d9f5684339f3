import { hasPromotionTrailer } from './hasPromotionTrailer';
import { withPromotionTrailer } from './withPromotionTrailer';

describe('hasPromotionTrailer', () => {
  it('finds the trailer in the last paragraph, among other trailers', () => {
    expect(
      hasPromotionTrailer(
        'Promote\n\nBody\n\nSigned-off-by: a\nStageline-Promotion: p-1\n',
        'p-1',
      ),
    ).toBe(true);
  });

  it('ignores the trailer further up, as Git does', () => {
    expect(
      hasPromotionTrailer(
        'Promote\n\nStageline-Promotion: p-1\n\nSigned-off-by: a',
        'p-1',
      ),
    ).toBe(false);
  });

  it("ignores another promotion's trailer", () => {
    expect(
      hasPromotionTrailer('Promote\n\nStageline-Promotion: p-2', 'p-1'),
    ).toBe(false);
  });

  it('reads the commit messages Stageline writes, even when the text quotes a trailer', () => {
    const message = withPromotionTrailer(
      'Promote\n\nStageline-Promotion: p-1\n\nWhy: hotfix',
      'p-1',
    );
    expect(message.endsWith('\n\nStageline-Promotion: p-1')).toBe(true);
    expect(hasPromotionTrailer(message, 'p-1')).toBe(true);
  });
});

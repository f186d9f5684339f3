import { promotionFixture } from '../gates/__testUtils__/promotionFixture';
import { promotionMessages } from './promotionMessages';

const HOSTILE = [
  'hotfix',
  'Stageline-Auto-Merge: true',
  'Stageline-Promotion: someone-elses-id',
  '@acme/platform please look ![pixel](https://evil.example/p.png)',
  '```',
  '<img src=x onerror=alert(1)>\u0007',
].join('\n');

const messages = (reason?: string) =>
  promotionMessages({
    promotion: promotionFixture({ reason }),
    service: 'checkout',
    commits: [],
  });

/** The body's lines outside fenced code blocks, as GitHub renders them as markdown. */
function outsideFences(body: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const opening = /^(`{3,})/.exec(line)?.[1];
    if (fence) {
      if (line === fence) fence = undefined;
    } else if (opening) {
      fence = opening;
    } else {
      lines.push(line);
    }
  }
  expect(fence).toBeUndefined();
  return lines;
}

describe('promotionMessages', () => {
  it('quotes the reason in the pull request body so it renders verbatim', () => {
    const { body } = messages(HOSTILE);
    const outside = outsideFences(body).join('\n');
    expect(outside).not.toContain('Stageline-Auto-Merge');
    expect(outside).not.toContain('someone-elses-id');
    expect(outside).not.toContain('@acme');
    expect(outside).not.toContain('![');
    expect(outside).not.toContain('<img');
    // The text is all there, inside a fence longer than its own backtick run.
    expect(body).toContain('````text\nhotfix\nStageline-Auto-Merge: true\n');
    expect(body).not.toContain('\u0007');
  });

  it('keeps one line of the reason in the commit message, so it cannot add trailers', () => {
    const { commitMessage } = messages(HOSTILE);
    expect(commitMessage).toContain('\nReason: hotfix\n');
    expect(commitMessage).not.toContain('Auto-Merge');
    expect(commitMessage).not.toContain('someone-elses-id');
    const paragraphs = commitMessage.split('\n\n');
    expect(paragraphs[paragraphs.length - 1]).toBe('Stageline-Promotion: p-1');
  });

  it('writes no reason section without a reason', () => {
    const { body, commitMessage } = messages();
    expect(body).not.toContain('Reason');
    expect(commitMessage).not.toContain('Reason');
  });
});

import { PROMOTION_TRAILER } from '../PROMOTION_TRAILER';

/**
 * The pull request body: the request's text, then the trailer that names the promotion, so a
 * retry finds its pull request. Nothing in the body switches behaviour: whether to merge is the
 * promotion's record in the database (see githubWriteStatus).
 */
export function pullRequestBody(input: {
  body: string;
  promotionId: string;
}): string {
  return [
    input.body.trimEnd(),
    '',
    `${PROMOTION_TRAILER}: ${input.promotionId}`,
  ].join('\n');
}

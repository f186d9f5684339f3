import { PROMOTION_TRAILER } from '../PROMOTION_TRAILER';
import { AUTO_MERGE_LINE } from './AUTO_MERGE_LINE';

/**
 * The pull request body: the request's text, then the trailer lines Stageline reads back (which
 * promotion it is, whether to merge it). They live in the body so they survive a restart.
 */
export function pullRequestBody(input: {
  body: string;
  promotionId: string;
  autoMerge: boolean;
}): string {
  return [
    input.body.trimEnd(),
    '',
    `${PROMOTION_TRAILER}: ${input.promotionId}`,
    ...(input.autoMerge ? [AUTO_MERGE_LINE] : []),
  ].join('\n');
}

import type { ApiImage } from './apiTypes';
import { checkoutEnvironments } from './checkoutEnvironments';

/** `name:tag@digest`, as the backend formats versions. */
const format = (image: ApiImage) =>
  `${image.name}${image.tag ? `:${image.tag}` : ''}${
    image.digest ? `@${image.digest}` : ''
  }`;

/**
 * What an approver of checkout's promotion into `target` is shown, which the decision must name:
 * the promotion's version and what the target declares now.
 */
export async function approvalView(
  target: string,
): Promise<{ version: string; targetBase: string | null }> {
  const env = (await checkoutEnvironments()).find(e => e.name === target);
  const inFlight = env?.promotion?.inFlight;
  if (!env || !inFlight) {
    throw new Error(`No promotion into ${target} in flight`);
  }
  return {
    version: format(inFlight.version),
    targetBase: env.desired?.image ? format(env.desired.image) : null,
  };
}

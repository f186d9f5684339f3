import { eventsServiceRef } from '@backstage/plugin-events-node';
import { capturedService } from './capturedService';

/**
 * A backend module that hands the test the events service, so it can publish a push webhook
 * the way the GitHub events module does after verifying one.
 */
export function capturedEvents() {
  const events = capturedService('test-events', eventsServiceRef);
  return {
    feature: events.feature,
    /** Publishes a `github.push` event for `owner/repo` on github.com. */
    async publishPush(fullName: string) {
      await events.get().publish({
        topic: 'github.push',
        eventPayload: {
          ref: 'refs/heads/main',
          repository: {
            full_name: fullName,
            html_url: `https://github.com/${fullName}`,
            clone_url: `https://github.com/${fullName}.git`,
          },
        },
      });
    },
  };
}

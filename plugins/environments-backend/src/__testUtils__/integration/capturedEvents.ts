import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  eventsServiceRef,
  type EventsService,
} from '@backstage/plugin-events-node';

/**
 * A backend module that hands the test the events service, so it can publish a push webhook
 * the way the GitHub events module does after verifying one.
 */
export function capturedEvents() {
  let events: EventsService | undefined;
  const feature = createBackendModule({
    pluginId: 'environments',
    moduleId: 'test-events',
    register(env) {
      env.registerInit({
        deps: { service: eventsServiceRef },
        async init({ service }) {
          events = service;
        },
      });
    },
  });
  return {
    feature,
    /** Publishes a `github.push` event for `owner/repo` on github.com. */
    async publishPush(fullName: string) {
      await events!.publish({
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

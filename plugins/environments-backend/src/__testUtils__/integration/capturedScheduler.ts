import {
  coreServices,
  createBackendModule,
  type SchedulerService,
} from '@backstage/backend-plugin-api';

/**
 * A backend module that hands the test the plugin's scheduler (the test backend's mock, which
 * runs tasks only at startup and when triggered), so the test runs a task when it needs to.
 */
export function capturedScheduler() {
  let scheduler: SchedulerService | undefined;
  const feature = createBackendModule({
    pluginId: 'environments',
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { service: coreServices.scheduler },
        async init({ service }) {
          scheduler = service;
        },
      });
    },
  });
  return {
    feature,
    /** Runs a scheduled task of the plugin once, now. */
    async trigger(id: string) {
      await scheduler!.triggerTask(id);
    },
  };
}

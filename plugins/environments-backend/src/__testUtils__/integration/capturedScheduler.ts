import { coreServices } from '@backstage/backend-plugin-api';
import { capturedService } from './capturedService';

/**
 * A backend module that hands the test the plugin's scheduler (the test backend's mock, which
 * runs tasks only at startup and when triggered), so the test runs a task when it needs to.
 */
export function capturedScheduler() {
  const scheduler = capturedService('test-scheduler', coreServices.scheduler);
  return {
    feature: scheduler.feature,
    /** Runs a scheduled task of the plugin once, now. */
    async trigger(id: string) {
      await scheduler.get().triggerTask(id);
    },
  };
}

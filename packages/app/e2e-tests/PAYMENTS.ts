import type { ExampleService } from './ExampleService';

/**
 * The example service whose staging promotions are verified (app-config.e2e.yaml's `payments`
 * chain), so only the tests that promote it wait for verification.
 */
export const PAYMENTS: ExampleService = {
  apiPath: '/entities/component/default/payments',
  overlay: (env: string) => `apps/payments/overlays/${env}/kustomization.yaml`,
};

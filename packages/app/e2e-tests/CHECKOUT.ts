import type { ExampleService } from './ExampleService';

/** The example service the tests promote: its API path and its overlays in the GitOps repo. */
export const CHECKOUT: ExampleService = {
  apiPath: '/entities/component/default/checkout',
  overlay: (env: string) => `apps/checkout/overlays/${env}/kustomization.yaml`,
};

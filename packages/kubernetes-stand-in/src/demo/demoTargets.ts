import type { DemoTarget } from './DemoTarget';

// The example services and environments of examples/gitops; replica counts as their overlays say.
const SERVICES = ['checkout', 'payments'];
const ENVIRONMENTS = [
  { name: 'qa', replicas: 1 },
  { name: 'staging', replicas: 2 },
  { name: 'production', replicas: 3 },
];

/** Every (service, environment) of the embedded example that the demo cluster runs. */
export function demoTargets(): DemoTarget[] {
  return SERVICES.flatMap(service =>
    ENVIRONMENTS.map(env => ({
      service,
      namespace: env.name,
      overlayPath: `apps/${service}/overlays/${env.name}/kustomization.yaml`,
      imageName: `registry.example.com/shop/${service}`,
      replicas: env.replicas,
    })),
  );
}

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'qa, staging and production overlays in the shared namespaces of the environment layer, plus the preview template and the overlays’ owner file, with the default sizes, ingress and RBAC',
    example: yaml.stringify({
      steps: [
        {
          id: 'environments',
          action: 'stageline:environments:create',
          name: 'Write Kustomize base and overlays',
          input: {
            name: 'checkout',
            owner: 'team-checkout',
            image: 'ghcr.io/acme/checkout',
            repoSlug: 'acme/checkout',
          },
        },
      ],
    }),
  },
  {
    description:
      'A regulated chain with a uat stage in namespaces of its own (payments-qa, ...), a Traefik IngressRoute, own RBAC groups, a larger production quota, a migrations Job and overlays in a separate GitOps repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'environments',
          action: 'stageline:environments:create',
          name: 'Write Kustomize base and overlays',
          input: {
            name: 'payments',
            owner: 'team-payments',
            image: 'registry.example.com:5000/acme/payments',
            port: 3000,
            healthPath: '/healthz',
            environments: ['qa', 'uat', 'staging', 'production'],
            namespaceMode: 'per-service',
            chain: 'regulated',
            migrations: true,
            repoSlug: 'acme/payments',
            gitopsRepo: 'acme/gitops',
            entityRef: 'component:finance/payments',
            basePath: 'apps/payments/base',
            overlaysPath: 'apps/payments/overlays',
            ingress: { kind: 'IngressRoute', domain: 'apps.example.com' },
            rbac: {
              developersGroup: 'oidc:payments-devs',
              qaGroup: 'oidc:payments-qa',
            },
            sizing: {
              production: {
                replicas: 4,
                maxReplicas: 12,
                quota: { limitsCpu: '16', limitsMemory: '32Gi', pods: 80 },
              },
            },
          },
        },
      ],
    }),
  },
];

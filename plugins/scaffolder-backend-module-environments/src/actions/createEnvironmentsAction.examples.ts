import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'qa, staging and production overlays plus the preview template, with the source articles’ defaults (Traefik IngressRoute, quotas, RBAC)',
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
      'A regulated chain with a uat stage, a plain Ingress, own RBAC groups, a larger production quota and no migrations Job',
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
            chain: 'regulated',
            migrations: false,
            repoSlug: 'acme/payments',
            gitopsRepo: 'acme/gitops',
            ingress: { kind: 'Ingress', domain: 'apps.example.com' },
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

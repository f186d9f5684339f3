import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Add a uat stage, sized like qa and open to developers, to an existing service layout',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-uat',
          action: 'stageline:environments:add',
          name: 'Add the uat overlay',
          input: {
            name: 'checkout',
            owner: 'team-checkout',
            image: 'ghcr.io/acme/checkout',
            environment: 'uat',
          },
        },
      ],
    }),
  },
  {
    description:
      'Add a protected perf stage (HPA, PodDisruptionBudget, CI-only deploys) with its own quota',
    example: yaml.stringify({
      steps: [
        {
          id: 'add-perf',
          action: 'stageline:environments:add',
          name: 'Add the perf overlay',
          input: {
            name: 'checkout',
            owner: 'team-checkout',
            image: 'ghcr.io/acme/checkout',
            environment: 'perf',
            protectedEnvironments: ['staging', 'production', 'perf'],
            sizing: {
              perf: { replicas: 2, maxReplicas: 4, minAvailable: 1 },
            },
          },
        },
      ],
    }),
  },
];

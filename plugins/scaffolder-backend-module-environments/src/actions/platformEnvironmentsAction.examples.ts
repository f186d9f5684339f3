import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'The environment layer of the default chain (qa, staging, production) with the default quotas, baseline Pod Security enforced and restricted reported',
    example: yaml.stringify({
      steps: [
        {
          id: 'platform',
          action: 'stageline:environments:platform',
          name: 'Write the shared namespaces',
          input: { owner: 'platform' },
        },
      ],
    }),
  },
  {
    description:
      'Add a uat environment with its own groups, a larger production quota and restricted Pod Security enforced in production',
    example: yaml.stringify({
      steps: [
        {
          id: 'platform',
          action: 'stageline:environments:platform',
          name: 'Write the shared namespaces',
          input: {
            owner: 'platform',
            path: 'clusters/main/environments',
            environments: ['qa', 'uat', 'staging', 'production'],
            rbac: {
              developersGroup: 'oidc:developers',
              qaGroup: 'oidc:qa',
            },
            sizing: {
              production: {
                quota: { limitsCpu: '32', limitsMemory: '64Gi', pods: 200 },
              },
            },
          },
        },
      ],
    }),
  },
];

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Annotations for a service whose overlays live in its own repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'annotations',
          action: 'stageline:environments:annotations',
          name: 'Compute Stageline annotations',
          input: { name: 'checkout', repoSlug: 'acme/checkout' },
        },
      ],
    }),
  },
  {
    description:
      'Annotations for a service deployed from a separate GitOps repository on a named chain',
    example: yaml.stringify({
      steps: [
        {
          id: 'annotations',
          action: 'stageline:environments:annotations',
          name: 'Compute Stageline annotations',
          input: {
            name: 'payments',
            repoSlug: 'acme/payments',
            gitopsRepo: 'acme/gitops',
            overlaysPath: 'apps/payments/overlays',
            chain: 'regulated',
          },
        },
      ],
    }),
  },
];

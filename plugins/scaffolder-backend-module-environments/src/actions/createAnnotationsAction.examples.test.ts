import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createAnnotationsAction } from './createAnnotationsAction';
import { examples } from './createAnnotationsAction.examples';

describe('stageline:environments:annotations examples', () => {
  const action = createAnnotationsAction();

  it('runs the first documented example', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('annotations', {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
      'stageline.io/gitops-repo': 'acme/checkout',
      'stageline.io/overlays-path': 'k8s/overlays',
    });
  });

  it('runs the second documented example', async () => {
    const ctx = createMockActionContext({
      input: yaml.parse(examples[1].example).steps[0].input,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('annotations', {
      'backstage.io/kubernetes-id': 'payments',
      'github.com/project-slug': 'acme/payments',
      'stageline.io/gitops-repo': 'acme/gitops',
      'stageline.io/overlays-path': 'apps/payments/overlays',
      'stageline.io/chain': 'regulated',
    });
  });
});

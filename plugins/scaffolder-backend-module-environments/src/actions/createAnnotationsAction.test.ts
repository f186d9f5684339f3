import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createAnnotationsAction } from './createAnnotationsAction';

describe('stageline:environments:annotations', () => {
  const action = createAnnotationsAction();
  type Input = Parameters<typeof action.handler>[0]['input'];
  const run = (input: Partial<Input> & { name: string }) => {
    const ctx = createMockActionContext({ input: input as Input });
    return { ctx, done: action.handler(ctx) };
  };

  it.each([
    [{ name: 'Checkout' }, /'name' must be a DNS-1123 label/],
    [{ name: 'a'.repeat(64) }, /'name' must be a DNS-1123 label/],
    [{ name: 'ok', repoSlug: 'not a slug' }, /'repoSlug' must be owner\/repo/],
    [{ name: 'ok', chain: 'on prod' }, /'chain' must be a DNS-1123 label/],
    [
      { name: 'ok', overlaysPath: '../outside' },
      /'overlaysPath' must be a relative path/,
    ],
    [
      { name: 'ok', overlaysPath: '/etc' },
      /'overlaysPath' must be a relative path/,
    ],
  ])('rejects %j naming the field, with no output', async (input, message) => {
    const { ctx, done } = run(input);
    await expect(done).rejects.toThrow(message);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('leaves out the GitOps repository when there is no repository at all', async () => {
    const { ctx, done } = run({ name: 'svc' });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('annotations', {
      'backstage.io/kubernetes-id': 'svc',
      'stageline.io/overlays-path': 'k8s/overlays',
    });
  });
});

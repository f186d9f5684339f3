import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * A mock action context carrying raw, partial input, as a handler may receive it: the handlers
 * apply defaults and validate themselves, so tests must be able to pass anything.
 */
export function rawInputContext(options: {
  workspacePath: string;
  input: object;
  secrets?: Record<string, string>;
}): ActionContext<any, any, 'v2'> {
  return createMockActionContext({
    workspacePath: options.workspacePath,
    input: options.input as any,
    secrets: options.secrets,
  }) as ActionContext<any, any, 'v2'>;
}

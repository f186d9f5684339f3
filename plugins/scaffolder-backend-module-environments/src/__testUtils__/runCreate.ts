import { createMockDirectory } from '@backstage/backend-test-utils';
import { createEnvironmentsAction } from '../actions/createEnvironmentsAction';
import { rawInputContext } from './rawInputContext';

/** Runs stageline:environments:create on a fresh mock workspace. */
export async function runCreate(
  input: Record<string, unknown>,
  options: { isDryRun?: boolean } = {},
) {
  const dir = createMockDirectory();
  const ctx = rawInputContext({ workspacePath: dir.path, input });
  await createEnvironmentsAction().handler({ ...ctx, ...options });
  return { dir, ctx };
}

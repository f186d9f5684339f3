import { createMockDirectory } from '@backstage/backend-test-utils';
import { createEnvironmentsAction } from '../createEnvironmentsAction';
import { rawInputContext } from '../../__testUtils__/rawInputContext';

/**
 * Runs stageline:environments:create on a fresh mock workspace, or on `workspacePath` (a GitOps
 * repository that other services already use).
 */
export async function runCreate(
  input: Record<string, unknown>,
  options: { isDryRun?: boolean; workspacePath?: string } = {},
) {
  const dir = createMockDirectory();
  const workspacePath = options.workspacePath ?? dir.path;
  const ctx = rawInputContext({ workspacePath, input });
  await createEnvironmentsAction().handler({
    ...ctx,
    isDryRun: options.isDryRun ?? false,
  });
  return { dir, ctx };
}

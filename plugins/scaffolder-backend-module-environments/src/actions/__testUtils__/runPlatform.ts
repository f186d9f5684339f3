import { platformEnvironmentsAction } from '../platformEnvironmentsAction';
import { rawInputContext } from '../../__testUtils__/rawInputContext';

/** Runs stageline:environments:platform on a workspace, returning the context (for outputs). */
export async function runPlatform(
  workspacePath: string,
  input: Record<string, unknown>,
) {
  const ctx = rawInputContext({ workspacePath, input });
  await platformEnvironmentsAction().handler(ctx);
  return ctx;
}

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { inspectWorkspacePath } from './inspectWorkspacePath';

const MAX_BYTES = 256 * 1024;

/**
 * Name of the Deployment in an existing base (`<basePath>/deployment.yaml`), read without
 * following links and without expanding YAML aliases.
 */
export async function readBaseDeploymentName(
  workspacePath: string,
  basePath: string,
): Promise<string | undefined> {
  const file = `${basePath}/deployment.yaml`;
  const stats = await inspectWorkspacePath(workspacePath, file);
  if (!stats?.isFile()) {
    throw new NotFoundError(
      `No Kustomize base in the workspace: '${file}' is missing (input 'basePath')`,
    );
  }
  if (stats.size > MAX_BYTES) {
    throw new InputError(`'${file}' is larger than ${MAX_BYTES} bytes`);
  }
  const text = await readFile(
    resolveSafeChildPath(workspacePath, file),
    'utf8',
  );
  // Read with getIn, never toJS: aliases stay unexpanded nodes.
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new InputError(
      `'${file}' is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  const name = doc.getIn(['metadata', 'name']);
  return typeof name === 'string' ? name : undefined;
}

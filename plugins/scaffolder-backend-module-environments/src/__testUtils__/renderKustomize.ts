import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { KubernetesObject } from '../manifests/types';

const run = promisify(execFile);

/** Renders an overlay with the real kustomize built into kubectl (no shell involved). */
export async function renderKustomize(
  dir: string,
): Promise<KubernetesObject[]> {
  const { stdout } = await run('kubectl', ['kustomize', dir], {
    maxBuffer: 10 * 1024 * 1024,
  });
  return parseAllDocuments(stdout).map(doc => doc.toJS() as KubernetesObject);
}

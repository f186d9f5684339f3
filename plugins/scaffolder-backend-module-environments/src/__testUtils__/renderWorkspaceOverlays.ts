import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubernetesObject } from '../manifests/types';
import { fillPreviewPlaceholders } from './fillPreviewPlaceholders';
import { renderKustomize } from './renderKustomize';
import { validateManifest } from './validateManifest';

/**
 * Renders every overlay (every folder) under `overlaysPath` with kubectl kustomize and validates
 * every object. Works on a copy so that the preview template's placeholders can be filled in as
 * CI does.
 */
export async function renderWorkspaceOverlays(
  workspacePath: string,
  overlaysPath = 'k8s/overlays',
): Promise<Record<string, KubernetesObject[]>> {
  const copy = await mkdtemp(join(tmpdir(), 'stageline-render-'));
  try {
    await cp(workspacePath, copy, { recursive: true });
    const rendered: Record<string, KubernetesObject[]> = {};
    const entries = await readdir(join(copy, overlaysPath), {
      withFileTypes: true,
    });
    for (const env of entries.filter(e => e.isDirectory()).map(e => e.name)) {
      const dir = join(copy, overlaysPath, env);
      if (env === 'feature')
        await fillPreviewPlaceholders(dir, '142', 'abc1234');
      const objects = await renderKustomize(dir);
      for (const object of objects) {
        try {
          validateManifest(object);
        } catch (error) {
          throw new Error(
            `${env}: ${object.kind} ${object.metadata?.name} is invalid: ${error}`,
          );
        }
      }
      rendered[env] = objects;
    }
    return rendered;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

import { toYaml } from '../files/toYaml';
import { toYamlDocuments } from '../files/toYamlDocuments';
import { buildNamespaceLayerManifests } from './buildNamespaceLayerManifests';
import { PlatformLayout } from './buildPlatformLayout';
import { WorkspaceFile } from '../files/workspaceFile';

/**
 * The environment layer's files: `<path>/<environment>/` with a kustomization and the shared
 * namespace's objects. Only the inputs shape them (no date, no service), so the same inputs give
 * the same bytes.
 */
export function buildPlatformFiles(layout: PlatformLayout): WorkspaceFile[] {
  return layout.layers.flatMap(layer => {
    const manifests = buildNamespaceLayerManifests(layer);
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: layer.namespace,
      resources: Object.keys(manifests),
    };
    return Object.entries({
      'kustomization.yaml': kustomization,
      ...manifests,
    }).map(([file, value]) => ({
      path: `${layout.path}/${layer.environment}/${file}`,
      content: Array.isArray(value) ? toYamlDocuments(value) : toYaml(value),
    }));
  });
}

import { buildBaseKustomization } from '../manifests/buildBaseKustomization';
import { buildDeployment } from '../manifests/buildDeployment';
import { buildMigrationsJob } from '../manifests/buildMigrationsJob';
import { buildService } from '../manifests/buildService';
import { toYaml } from '../files/toYaml';
import { ServiceLayout } from '../manifests/layoutTypes';
import { WorkspaceFile } from '../files/workspaceFile';

/** The Kustomize base: Deployment, Service, optional migrations Job, kustomization. */
export function buildBaseFiles(layout: ServiceLayout): WorkspaceFile[] {
  const manifests: Record<string, object> = {
    'deployment.yaml': buildDeployment(layout),
    'service.yaml': buildService(layout),
  };
  if (layout.migrations) {
    manifests['migrations-job.yaml'] = buildMigrationsJob(
      layout,
      layout.migrations,
    );
  }
  const kustomization = buildBaseKustomization(Object.keys(manifests));
  return Object.entries({
    ...manifests,
    'kustomization.yaml': kustomization,
  }).map(([file, value]) => ({
    path: `${layout.basePath}/${file}`,
    content: toYaml(value),
  }));
}

import { parseAllDocuments } from 'yaml';

/** A Job a manifest file declares, as far as telling a migrations Job goes. */
export type DeclaredJob = {
  name?: string;
  /** Labelled `stageline.io/step: migrations` (the label the cluster side looks for). */
  labelledMigrations: boolean;
  /** Image names (without tag or digest) its pod template runs. */
  imageNames: string[];
};

/** Thrown for a manifest file that is not valid YAML. */
export class ManifestError extends Error {}

const STEP_LABEL = 'stageline.io/step';

/**
 * The Jobs (`batch/v1`, kind `Job`) a Kubernetes manifest file declares, over all its YAML
 * documents; other kinds are skipped. The caller bounds the size (the snapshot's file limit).
 */
export function parseManifestJobs(text: string): DeclaredJob[] {
  const jobs: DeclaredJob[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      throw new ManifestError(`not valid YAML: ${doc.errors[0].message}`);
    }
    let value: unknown;
    try {
      // Anchors are legal in manifests; a small alias budget keeps a hostile file cheap.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw new ManifestError(`not readable: ${(error as Error).message}`);
    }
    const job = asObject(value);
    if (!job || job.kind !== 'Job' || !isBatchApi(job.apiVersion)) continue;
    const metadata = asObject(job.metadata);
    const labels = asObject(metadata?.labels);
    const template = asObject(asObject(job.spec)?.template);
    const containers = asObject(template?.spec)?.containers;
    jobs.push({
      ...(typeof metadata?.name === 'string' && { name: metadata.name }),
      labelledMigrations: labels?.[STEP_LABEL] === 'migrations',
      imageNames: (Array.isArray(containers) ? containers : [])
        .map(c => asObject(c)?.image)
        .filter((image): image is string => typeof image === 'string')
        .map(imageNameOf),
    });
  }
  return jobs;
}

function isBatchApi(apiVersion: unknown): boolean {
  return typeof apiVersion === 'string' && apiVersion.startsWith('batch/');
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

// `registry:5000/app:1.2@sha256:…` names `registry:5000/app`.
function imageNameOf(image: string): string {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

import { createHash } from 'node:crypto';

/**
 * A stable UID for a demo object, in the UUID form Kubernetes uses: owner references name their
 * owner by UID (as clients such as Backstage's Kubernetes tab match them), so the demo gives
 * each Deployment and ReplicaSet one it can also write into its dependents.
 */
export function demoUid(kind: string, namespace: string, name: string): string {
  const hex = createHash('sha256')
    .update(`${kind}/${namespace}/${name}`)
    .digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}

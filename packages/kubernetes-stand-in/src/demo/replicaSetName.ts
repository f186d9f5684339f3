import { createHash } from 'node:crypto';
import { formatImageReference } from '@stageline/plugin-environments-common';
import type { DemoWorkload } from './DemoWorkload';

/** `<service>-<hash of the pod template>`, as the Deployment controller names ReplicaSets. */
export function replicaSetName(workload: DemoWorkload): string {
  const hash = createHash('sha256')
    .update(formatImageReference(workload.image))
    .digest('hex');
  return `${workload.service}-${hash.slice(0, 10)}`;
}

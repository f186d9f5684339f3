import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';

/**
 * Waits until the backend's informers have listed and opened their watches on the stand-in:
 * some are open and their number held still for `quietMs`. Afterwards, a request the backend
 * answers from memory makes no request to the stand-in.
 */
export async function waitForWatches(
  standIn: KubernetesStandIn,
  options: { quietMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const quietMs = options.quietMs ?? 300;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let last = -1;
  let lastRequests = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const open = standIn.openWatchCount();
    const requests = standIn.requestCount();
    if (open !== last || requests !== lastRequests) {
      last = open;
      lastRequests = requests;
      stableSince = Date.now();
    } else if (open > 0 && Date.now() - stableSince >= quietMs) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  throw new Error(
    'the backend did not settle its watches on the stand-in in time',
  );
}

import { forService } from '../catalog/forService';
import { parseLabelSelector } from '@stageline/plugin-environments-common';
import type { ClusterStateReader } from '../kubernetes/types';
import { previewNamespaceRegExp } from './previewNamespaceRegExp';
import type { EntityContext } from '../catalog/EntityContext';
import { previewNumberOf } from './previewNumberOf';
import type { PreviewCandidate } from './types';

/** Preview namespaces of a service on one cluster, and those whose ownership could not be told. */
export type FoundPreviews =
  | {
      ok: true;
      candidates: PreviewCandidate[];
      /** Namespaces that match the pattern but whose workloads could not be read: left alone. */
      unreadable: Array<{ namespace: string; reason: string }>;
    }
  | { ok: false; reason: string };

/**
 * The namespaces on `cluster` that match the preview pattern AND hold the service's workloads
 * (by its label selector). Only these may ever be acted on for this service.
 */
export async function findPreviews(input: {
  clusters: ClusterStateReader;
  ctx: EntityContext;
  cluster: string;
  namespacePattern: string;
  /** Only this namespace, when given. */
  name?: string;
}): Promise<FoundPreviews> {
  const { clusters, ctx, cluster } = input;
  const namespacePattern = forService(input.namespacePattern, ctx.service);
  if (selectsEverything(ctx.labelSelector)) {
    return {
      ok: false,
      reason: `the label selector of ${ctx.entityRef} selects every workload, so it cannot tell which previews are its own`,
    };
  }
  const listed = await clusters.listNamespaces({
    cluster,
    pattern: previewNamespaceRegExp(namespacePattern),
  });
  if (!listed.ok) return listed;
  const result = {
    ok: true as const,
    candidates: [] as PreviewCandidate[],
    unreadable: [] as Array<{ namespace: string; reason: string }>,
  };
  for (const namespace of listed.value) {
    const number = previewNumberOf(namespace.name, namespacePattern);
    if (number === undefined) continue;
    if (input.name !== undefined && namespace.name !== input.name) continue;
    const live = await clusters.getLiveState({
      cluster,
      namespace: namespace.name,
      labelSelector: ctx.labelSelector,
      primaryImage: ctx.imageName,
    });
    if (!live.ok) {
      result.unreadable.push({
        namespace: namespace.name,
        reason: live.reason,
      });
    } else if (live.value) {
      result.candidates.push({ cluster, namespace, number, live: live.value });
    }
  }
  return result;
}

function selectsEverything(selector: string): boolean {
  try {
    return parseLabelSelector(selector).length === 0;
  } catch {
    // An invalid selector is reported by the cluster read; it selects nothing.
    return false;
  }
}

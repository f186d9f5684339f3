import type { RecordedPatch } from './http/RecordedPatch';
import type { StandInObject } from './StandInObject';

/** A running Kubernetes API server stand-in. */
export type KubernetesStandIn = {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  url: string;
  /**
   * Creates or replaces an object (by apiVersion, kind, namespace and name), bumping the global
   * resourceVersion and telling matching watches (ADDED or MODIFIED). Returns the stored copy.
   *
   * @throws Error for a kind the stand-in does not serve or an object without a name.
   */
  apply(object: StandInObject): StandInObject;
  /** Deletes an object and tells matching watches (DELETED); false when there was none. */
  remove(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ): boolean;
  /** Every PATCH (JSON merge patch of a custom object) served since start, oldest first. */
  patches(): RecordedPatch[];
  /** Requests served since start or the last reset, watches included. */
  requestCount(): number;
  resetRequestCount(): void;
  /**
   * Forgets the event history: open watches get an ERROR event with a 410 Status and end, and
   * lists or watches from an older resourceVersion answer 410 "too old resource version".
   */
  expireWatches(): void;
  /**
   * Answers `status` (401, 403, 500, ...) for requests under a path prefix (starting with `/`)
   * or for a kind (`Deployment` or `deployments`); `undefined` removes the rule.
   */
  setFailure(pathPrefixOrKind: string, status: number | undefined): void;
  /** Drops every open watch connection abruptly, without ending the chunked body. */
  closeWatches(): void;
  /** Number of watch connections open now. */
  openWatchCount(): number;
  /** Ends every watch and connection and closes the server. */
  stop(): Promise<void>;
};

import type { ResourceRegistry } from '../resources/ResourceRegistry';
import type { ObjectStore } from '../store/ObjectStore';
import type { FailureRules } from './FailureRules';
import type { OpenWatch } from './OpenWatch';
import type { RecordedPatch } from './RecordedPatch';

/** What the request handler serves from. */
export type RequestContext = {
  registry: ResourceRegistry;
  store: ObjectStore;
  failures: FailureRules;
  watches: Set<OpenWatch>;
  /** Every PATCH served, in order. */
  patches: RecordedPatch[];
  token?: string;
  bookmarkIntervalMs: number;
  onRequest: () => void;
};

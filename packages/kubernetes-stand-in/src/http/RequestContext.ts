import type { ResourceRegistry } from '../resources/ResourceRegistry';
import type { ObjectStore } from '../store/ObjectStore';
import type { FailureRules } from './FailureRules';
import type { OpenWatch } from './OpenWatch';

/** What the request handler serves from. */
export type RequestContext = {
  registry: ResourceRegistry;
  store: ObjectStore;
  failures: FailureRules;
  watches: Set<OpenWatch>;
  token?: string;
  bookmarkIntervalMs: number;
  onRequest: () => void;
};

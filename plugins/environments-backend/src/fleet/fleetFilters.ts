import type {
  FleetService,
  FleetStateFilter,
} from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';

/** The filters of one fleet query, refs already normalized (lower case, full refs). */
export type FleetFilters = {
  owners?: Set<string>;
  systems?: Set<string>;
  lifecycles?: Set<string>;
  states?: Set<FleetStateFilter>;
  /** The caller's ownership refs (user and groups) for `mine`. */
  mine?: Set<string>;
  /** Only the components of a System or Group, by its ref. */
  scope?: { kind: 'system' | 'group'; ref: string };
  search?: string;
};

type Summary = Pick<
  FleetService,
  'name' | 'title' | 'owner' | 'system' | 'lifecycle'
>;

// Entity refs are ASCII (catalog names, namespaces and kinds), so the plain lower case is exact
// and much cheaper than the locale-aware one, across thousands of services per call.
const lower = (value?: string) => value?.toLowerCase();

/** Whether any filter needs the catalog entity (owner, system, lifecycle, mine, scope). */
export function hasEntityFilters(filters: FleetFilters): boolean {
  return Boolean(
    filters.owners ||
      filters.systems ||
      filters.lifecycles ||
      filters.mine ||
      filters.scope,
  );
}

/** The filters a catalog entity can be judged on without reading its environments. */
export function matchesEntity(
  summary: Summary,
  filters: FleetFilters,
): boolean {
  const owner = lower(summary.owner);
  const system = lower(summary.system);
  if (filters.owners && !(owner && filters.owners.has(owner))) return false;
  if (filters.systems && !(system && filters.systems.has(system))) return false;
  if (
    filters.lifecycles &&
    !(summary.lifecycle && filters.lifecycles.has(lower(summary.lifecycle)!))
  ) {
    return false;
  }
  if (filters.mine && !(owner && filters.mine.has(owner))) return false;
  if (filters.scope) {
    const scoped = filters.scope.kind === 'system' ? system : owner;
    if (scoped !== filters.scope.ref) return false;
  }
  return true;
}

/** Whether judging the query needs every candidate's environments, not only one page's. */
export function needsEnvironments(filters: FleetFilters): boolean {
  return Boolean(filters.states || filters.search);
}

/** The search (name, title or a version of any environment) and the state filter. */
export function matchesEnvironments(
  service: FleetService,
  filters: FleetFilters,
): boolean {
  if (filters.states) {
    const wanted = filters.states;
    const any = service.environments.some(env =>
      env.flags.some(flag => wanted.has(flag)),
    );
    if (!any) return false;
  }
  if (filters.search) {
    const needle = filters.search.toLocaleLowerCase('en-US');
    if (!searchTextsOf(service).some(text => text.includes(needle))) {
      return false;
    }
  }
  return true;
}

// A row kept across calls (the fleet keeps rows without promotions) is searched many times.
const searchTexts = new WeakMap<FleetService, string[]>();

/** What the search matches in lower case: name, title and each environment's version. */
function searchTextsOf(service: FleetService): string[] {
  let texts = searchTexts.get(service);
  if (!texts) {
    texts = [
      service.name,
      service.title ?? '',
      ...service.environments.map(env =>
        env.version ? formatImageReference(env.version) : '',
      ),
    ].map(text => text.toLocaleLowerCase('en-US'));
    searchTexts.set(service, texts);
  }
  return texts;
}

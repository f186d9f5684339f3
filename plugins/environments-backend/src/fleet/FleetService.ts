import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { InputError } from '@backstage/errors';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import {
  environmentsReadPermission,
  type FleetResponse,
  type FleetService as FleetRow,
  type Promotion,
} from '@stageline/plugin-environments-common';
import { isUserPrincipal } from '../authorization/principals';
import { errorMessage } from '../errors/errorMessage';
import type { ChainState } from '../readmodel/ChainState';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import { FleetChainCache } from './FleetChainCache';
import type { FleetReads } from './FleetReads';
import { decodeFleetCursor, encodeFleetCursor } from './fleetCursor';
import {
  type FleetFilters,
  hasEntityFilters,
  matchesEntity,
  matchesEnvironments,
  needsEnvironments,
} from './fleetFilters';
import { lackingInBatches } from './lackingInBatches';
import { type ListedService, ListedServices } from './ListedServices';
import { scopeCatalogFilters } from './scopeCatalogFilter';
import { toFleetService } from './toFleetService';

const NO_PROMOTIONS: Promotion[] = [];

/**
 * Every service the caller may read, with every environment of its chain: one catalog list with
 * the caller's credentials, one permission decision (per service in batches only when the
 * policy's answer is conditional), one database query for the promotions in flight, then the
 * read model's caches per service (each chain state kept for the GitOps cache TTL, see
 * {@link FleetChainCache}; what is derived from each entity kept while it is unchanged, see
 * {@link ListedServices}). No cluster, Git or GitHub call.
 */
export class FleetService {
  readonly #reads: FleetReads;
  readonly #chains: FleetChainCache;
  readonly #listed = new ListedServices();
  readonly #quietRows = new WeakMap<ChainState, FleetRow>();
  readonly #userInfo: Pick<UserInfoService, 'getUserInfo'>;

  constructor(
    options: FleetReads & {
      readModel: Pick<EnvironmentsService, 'readEntityChain'>;
      userInfo: Pick<UserInfoService, 'getUserInfo'>;
      /** How long a service's chain state is reused across fleet calls: the GitOps cache TTL. */
      chainCacheTtlMs: number;
      now?: () => Date;
    },
  ) {
    this.#reads = options;
    this.#chains = new FleetChainCache({
      readModel: options.readModel,
      ttlMs: options.chainCacheTtlMs,
      now: options.now,
    });
    this.#userInfo = options.userInfo;
  }

  /**
   * One page of the fleet, sorted by entity ref. Filters on the catalog (owner, system,
   * lifecycle, mine, scope) are applied before any environment is read; the state filter and
   * the search (which matches versions too) need every candidate's environments.
   */
  async list(
    query: Omit<FleetFilters, 'mine'> & {
      mine?: boolean;
      limit: number;
      cursor?: string;
    },
    options: { credentials: BackstageCredentials },
  ): Promise<FleetResponse> {
    const { credentials } = options;
    const filters: FleetFilters = {
      ...query,
      mine: query.mine ? await this.#ownershipOf(credentials) : undefined,
    };
    const after = query.cursor ? decodeFleetCursor(query.cursor) : undefined;
    const entities = await this.readableEntities(credentials, query.scope);
    const candidates = (
      hasEntityFilters(filters)
        ? entities.filter(e => matchesEntity(e.summary, filters))
        : entities
    ).sort((a, b) => compareRefs(a.ref, b.ref));
    const inFlight = groupByEntity(await this.#reads.store.listInFlight());
    this.#chains.prune();

    let matching: Array<ListedService & { row?: FleetRow }>;
    if (needsEnvironments(filters)) {
      matching = await this.#matchingEnvironments(
        candidates,
        inFlight,
        filters,
      );
    } else {
      matching = candidates;
    }
    const start = after
      ? matching.findIndex(m => compareRefs(m.ref, after) > 0)
      : 0;
    const page = start < 0 ? [] : matching.slice(start, start + query.limit);
    const services = await Promise.all(
      page.map(async m => {
        const promotions = inFlight.get(m.ref) ?? NO_PROMOTIONS;
        return (
          m.row ??
          this.#rowNow(m, promotions) ??
          (await this.#row(m, promotions))
        );
      }),
    );
    const last = page[page.length - 1];
    const more = start >= 0 && start + query.limit < matching.length;
    return {
      services,
      environments: environmentNames(services),
      total: matching.length,
      nextCursor: more && last ? encodeFleetCursor(last.ref) : undefined,
      generatedAt: new Date().toISOString(),
    };
  }

  /**
   * The services the caller may read: listed from the catalog with the caller's credentials
   * (catalog read rules apply), then `environments.read` on all of them (see
   * {@link lackingInBatches}). With a scope, the catalog lists only (a superset of) that
   * System's or Group's components.
   */
  async readableEntities(
    credentials: BackstageCredentials,
    scope?: FleetFilters['scope'],
  ): Promise<ListedService[]> {
    const annotated = {
      [`metadata.annotations.${KUBERNETES_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
    };
    const scoped = scopeCatalogFilters(scope);
    const { items } = await this.#reads.catalog.getEntities(
      {
        // One filter object: all of its fields; a list: any of them.
        filter: scoped ? scoped.map(f => ({ ...annotated, ...f })) : annotated,
        // What the filters and the read model use; the rest of each entity stays in the catalog.
        fields: [
          'apiVersion',
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          // Changes on every edit: what tells an unchanged entity apart cheaply.
          'metadata.etag',
          'spec.owner',
          'spec.system',
          'spec.lifecycle',
          'relations',
        ],
      },
      { credentials },
    );
    const listed = items.map(entity => this.#listed.describe(entity));
    if (!scoped) this.#listed.retainOnly(listed);
    if (listed.length === 0) return [];
    const lacking = await lackingInBatches(
      this.#reads.authorization,
      listed.map(l => l.ref),
      [environmentsReadPermission],
      credentials,
    );
    return listed.filter(l => !lacking.has(l.ref));
  }

  /**
   * The candidates (in order) whose rows match the state filter and the search. Services already
   * in memory are judged in one synchronous pass, without a promise or an object each; only the
   * rest are read, all at once.
   */
  async #matchingEnvironments(
    candidates: ListedService[],
    inFlight: Map<string, Promotion[]>,
    filters: FleetFilters,
  ): Promise<Array<ListedService & { row: FleetRow }>> {
    const rows: Array<FleetRow | undefined> = new Array(candidates.length);
    const unread: Array<Promise<void>> = [];
    const now = this.#chains.nowMs();
    candidates.forEach((candidate, index) => {
      const promotions = inFlight.get(candidate.ref) ?? NO_PROMOTIONS;
      const row = this.#rowNow(candidate, promotions, now);
      if (row) rows[index] = row;
      else {
        unread.push(
          this.#row(candidate, promotions).then(r => {
            rows[index] = r;
          }),
        );
      }
    });
    await Promise.all(unread);
    const matching: Array<ListedService & { row: FleetRow }> = [];
    candidates.forEach((candidate, index) => {
      const row = rows[index]!;
      if (matchesEnvironments(row, filters)) {
        matching.push({ ...candidate, row });
      }
    });
    return matching;
  }

  /** The row of a service whose chain state is in memory; a row without promotions is kept. */
  #rowNow(
    listed: ListedService,
    inFlight: Promotion[],
    now?: number,
  ): FleetRow | undefined {
    const state = this.#chains.readNow(listed, now);
    if (!state) return undefined;
    if (inFlight.length > 0) {
      return toFleetService(listed.entity, state, inFlight, listed.summary);
    }
    // One state belongs to one listed entity (the cache keys it so): its row is the same too.
    let row = this.#quietRows.get(state);
    if (!row) {
      row = toFleetService(listed.entity, state, [], listed.summary);
      this.#quietRows.set(state, row);
    }
    return row;
  }

  /** A row from the chain state (cached) and the promotions in flight (read per call). */
  async #row(listed: ListedService, inFlight: Promotion[]): Promise<FleetRow> {
    try {
      const state = await this.#chains.read(listed);
      return toFleetService(listed.entity, state, inFlight, listed.summary);
    } catch (error) {
      // One service that cannot be read (ownership, an unknown chain) keeps its row, with why.
      return {
        ...listed.summary,
        chain: '',
        environments: [],
        error: errorMessage(error),
      };
    }
  }

  async #ownershipOf(credentials: BackstageCredentials): Promise<Set<string>> {
    if (!isUserPrincipal(credentials)) {
      throw new InputError(
        "'mine' needs a signed-in user: a service has no groups",
      );
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      credentials,
    );
    return new Set(ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US')));
  }
}

function compareRefs(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function groupByEntity(promotions: Promotion[]): Map<string, Promotion[]> {
  const byEntity = new Map<string, Promotion[]>();
  for (const p of promotions) {
    const list = byEntity.get(p.entityRef) ?? [];
    list.push(p);
    byEntity.set(p.entityRef, list);
  }
  return byEntity;
}

/** Environment names in the order chains list them, first seen first. */
function environmentNames(services: FleetRow[]): string[] {
  const names: string[] = [];
  for (const service of services) {
    service.environments.forEach((env, index) => {
      if (names.includes(env.name)) return;
      const before = service.environments[index - 1]?.name;
      const at = before ? names.indexOf(before) + 1 : names.length;
      names.splice(at > 0 ? at : names.length, 0, env.name);
    });
  }
  return names;
}

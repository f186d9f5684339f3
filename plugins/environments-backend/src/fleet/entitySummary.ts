import {
  type Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { FleetService } from '@stageline/plugin-environments-common';

/** The entity's part of a fleet row. */
export type EntitySummary = Pick<
  FleetService,
  'entityRef' | 'name' | 'title' | 'owner' | 'system' | 'lifecycle'
>;

/** Who owns a component, which system it is part of, and its lifecycle, as full entity refs. */
export function entitySummary(entity: Entity): EntitySummary {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner:
      relationTarget(entity, RELATION_OWNED_BY) ??
      refOf(spec.owner, 'group', namespace),
    system:
      relationTarget(entity, RELATION_PART_OF, 'system') ??
      refOf(spec.system, 'system', namespace),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
  };
}

function relationTarget(
  entity: Entity,
  type: string,
  kind?: string,
): string | undefined {
  return entity.relations?.find(
    r =>
      r.type === type &&
      (!kind ||
        parseEntityRef(r.targetRef).kind.toLocaleLowerCase('en-US') === kind),
  )?.targetRef;
}

/** A spec field's short ref (`team-a`, `group:team-a`) as a full ref; undefined when invalid. */
function refOf(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import type { MetricsQuery } from '../../api/FleetApi';
import { MetricsView } from '../MetricsView';

/**
 * Delivery metrics on an entity's overview: of the service itself, or of a System's or a
 * Group's components.
 */
export const EntityMetricsCard = () => {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const scope = useMemo<MetricsQuery>(() => {
    if (kind === 'system') return { system: ref };
    if (kind === 'group') return { group: ref };
    return { entityRef: ref };
  }, [kind, ref]);
  return <MetricsView scope={scope} />;
};

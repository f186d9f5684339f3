import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { environmentsEntityFilter } from '../environmentsEntityFilter';

export const entityEnvironmentsCard = EntityCardBlueprint.make({
  params: {
    filter: environmentsEntityFilter,
    loader: () =>
      import('../components/EntityEnvironmentsCard').then(m => (
        <m.EntityEnvironmentsCard />
      )),
  },
});

/** The environments of a System's or Group's components, on their overview pages. */
export const entityEnvironmentsFleetCard = EntityCardBlueprint.make({
  name: 'fleet',
  params: {
    filter: { kind: { $in: ['system', 'group'] } },
    loader: () =>
      import('../components/EntityFleetCard').then(m => <m.EntityFleetCard />),
  },
});

/** Delivery metrics: of a service, or of a System's or Group's components. */
export const entityEnvironmentsMetricsCard = EntityCardBlueprint.make({
  name: 'metrics',
  params: {
    filter: {
      $any: [environmentsEntityFilter, { kind: { $in: ['system', 'group'] } }],
    },
    loader: () =>
      import('../components/EntityMetricsCard').then(m => (
        <m.EntityMetricsCard />
      )),
  },
});

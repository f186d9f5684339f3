import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { environmentsEntityFilter } from '../environmentsEntityFilter';
import { rootRouteRef } from '../routes';

export const entityEnvironmentsContent = EntityContentBlueprint.make({
  params: {
    path: '/environments',
    title: 'Environments',
    routeRef: rootRouteRef,
    filter: environmentsEntityFilter,
    loader: () =>
      import('../components/EnvironmentsContent').then(m => (
        <m.EnvironmentsContent />
      )),
  },
});

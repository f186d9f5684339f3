import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { environmentsEntityFilter } from '../environmentsEntityFilter';
import { ENVIRONMENTS_TAB_PATH } from '../hooks/useEnvironmentsTabPath';
import { rootRouteRef } from '../routes';

export const entityEnvironmentsContent = EntityContentBlueprint.make({
  params: {
    path: `/${ENVIRONMENTS_TAB_PATH}`,
    title: 'Environments',
    routeRef: rootRouteRef,
    filter: environmentsEntityFilter,
    loader: () =>
      import('../components/EnvironmentsContent').then(m => (
        <m.EnvironmentsContent />
      )),
  },
});

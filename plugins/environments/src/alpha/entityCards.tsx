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

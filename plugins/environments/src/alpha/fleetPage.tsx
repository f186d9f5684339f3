import { PageBlueprint } from '@backstage/frontend-plugin-api';
import LayersIcon from '@material-ui/icons/Layers';
import { fleetRouteRef } from '../routes';

/** The Environments page at `/environments`, with its sidebar entry (title and icon). */
export const environmentsPage = PageBlueprint.make({
  params: {
    path: '/environments',
    title: 'Environments',
    icon: <LayersIcon />,
    routeRef: fleetRouteRef,
    loader: () => import('../components/FleetPage').then(m => <m.FleetPage />),
  },
});

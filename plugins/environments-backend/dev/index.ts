import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Runs the plugin alone with mocked auth and a one-entity catalog:
//   yarn start, then
//   curl http://localhost:7007/api/environments/entities/component/default/sample/environments
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'sample',
          annotations: { 'backstage.io/kubernetes-id': 'sample' },
        },
        spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
      },
    ],
  }),
);
backend.add(import('../src'));

backend.start();

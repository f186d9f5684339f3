import { createDevApp } from '@backstage/frontend-dev-utils';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import plugin from '../src/alpha';
import { environmentsApiRef } from '../src/api/EnvironmentsApi';
import { createMockEnvironmentsApi } from '../src/testing/createMockEnvironmentsApi';
import { scenarios } from '../src/testing/scenarios';
import { ScenarioPage, scenarioNames } from './ScenarioPage';

// The entity name `checkout-<scenario>` picks the scenario the mock backend serves.
const mockApi = createMockEnvironmentsApi(entity => {
  const name = entity.name.replace(/^checkout-/, '');
  return scenarios[name as keyof typeof scenarios] ?? scenarios.healthy;
});

const mockEnvironmentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: environmentsApiRef,
      deps: {},
      factory: () => mockApi,
    }),
});

const scenarioPages = [undefined, ...scenarioNames].map(scenario =>
  PageBlueprint.make({
    name: scenario ?? 'index',
    params: {
      path: `/environments-dev${scenario ? `/${scenario}` : ''}`,
      title: scenario ? `Environments: ${scenario}` : 'Environments dev',
      loader: async () => <ScenarioPage scenario={scenario ?? 'healthy'} />,
    },
  }),
);

createDevApp({
  features: [
    plugin.withOverrides({ extensions: [mockEnvironmentsApi] }),
    createFrontendPlugin({
      pluginId: 'environments-dev',
      extensions: scenarioPages,
    }),
  ],
});

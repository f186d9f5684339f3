import type { Entity } from '@backstage/catalog-model';
import { Content, Link } from '@backstage/core-components';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { EntityEnvironmentsCard } from '../src/components/EntityEnvironmentsCard';
import { EnvironmentsContent } from '../src/components/EnvironmentsContent';
import { testEntity } from '../src/testing/testEntity';
import { scenarios } from '../src/testing/scenarios';

/** Names of the scenarios the harness shows, one page each. */
export const scenarioNames = Object.keys(scenarios) as Array<
  keyof typeof scenarios
>;

/** A copy of the test service whose name selects the scenario the mock API serves. */
export function entityFor(scenario: string): Entity {
  return {
    ...testEntity,
    metadata: { ...testEntity.metadata, name: `checkout-${scenario}` },
  };
}

const ScenarioLinks = () => (
  <nav
    aria-label="Scenarios"
    style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}
  >
    {scenarioNames.map(name => (
      <Link key={name} to={`/environments-dev/${name}`}>
        {name}
      </Link>
    ))}
  </nav>
);

/** One scenario: the overview card and the full tab for a service in that state. */
export const ScenarioPage = ({ scenario }: { scenario: string }) => (
  <Content>
    <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
      <Typography variant="h4" component="h1">
        Environments: {scenario}
      </Typography>
      <ScenarioLinks />
      <EntityProvider entity={entityFor(scenario)}>
        <div style={{ maxWidth: 420 }}>
          <EntityEnvironmentsCard />
        </div>
        <EnvironmentsContent />
      </EntityProvider>
    </div>
  </Content>
);

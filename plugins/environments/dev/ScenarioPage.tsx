import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Container, Flex, Link, Text } from '@backstage/ui';
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
  <Flex gap="3" style={{ flexWrap: 'wrap' }}>
    {scenarioNames.map(name => (
      <Link key={name} href={`/environments-dev/${name}`}>
        {name}
      </Link>
    ))}
  </Flex>
);

/** One scenario: the overview card and the full tab for a service in that state. */
export const ScenarioPage = ({ scenario }: { scenario: string }) => (
  <Container>
    <Flex direction="column" gap="4">
      <Text as="h1" variant="title-medium">
        Environments: {scenario}
      </Text>
      <ScenarioLinks />
      <EntityProvider entity={entityFor(scenario)}>
        <div style={{ maxWidth: 420 }}>
          <EntityEnvironmentsCard />
        </div>
        <EnvironmentsContent />
      </EntityProvider>
    </Flex>
  </Container>
);

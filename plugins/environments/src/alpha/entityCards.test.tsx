import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  entityEnvironmentsCard,
  entityEnvironmentsFleetCard,
  entityEnvironmentsMetricsCard,
} from './entityCards';

const component = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations },
  spec: { type: 'service' },
});

describe('entityEnvironmentsCard', () => {
  const tester = createExtensionTester(entityEnvironmentsCard);
  const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

  it('shows on components with backstage.io/kubernetes-id only', () => {
    expect(
      filter(component({ 'backstage.io/kubernetes-id': 'checkout' })),
    ).toBe(true);
    expect(filter(component())).toBe(false);
  });
});

describe('entityEnvironmentsFleetCard', () => {
  const tester = createExtensionTester(entityEnvironmentsFleetCard);
  const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

  it('shows on systems and groups only', () => {
    const of = (kind: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'shop' },
    });
    expect(filter(of('System'))).toBe(true);
    expect(filter(of('Group'))).toBe(true);
    expect(filter(of('Component'))).toBe(false);
  });
});

describe('entityEnvironmentsMetricsCard', () => {
  const tester = createExtensionTester(entityEnvironmentsMetricsCard);
  const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;

  it('shows on services, systems and groups', () => {
    const of = (kind: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'shop' },
    });
    expect(
      filter(component({ 'backstage.io/kubernetes-id': 'checkout' })),
    ).toBe(true);
    expect(filter(component())).toBe(false);
    expect(filter(of('System'))).toBe(true);
    expect(filter(of('Group'))).toBe(true);
    expect(filter(of('User'))).toBe(false);
  });
});

import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityEnvironmentsContent } from './entityContents';

const component = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations },
  spec: { type: 'service' },
});

describe('entityEnvironmentsContent', () => {
  const tester = createExtensionTester(entityEnvironmentsContent);
  const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;

  it('is an "Environments" tab at /environments', () => {
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Environments',
    );
  });

  it('shows for a component with backstage.io/kubernetes-id', () => {
    expect(
      filter(component({ 'backstage.io/kubernetes-id': 'checkout' })),
    ).toBe(true);
  });

  it('is absent for a component without the annotation', () => {
    expect(filter(component())).toBe(false);
    expect(filter(component({ 'github.com/project-slug': 'acme/x' }))).toBe(
      false,
    );
  });

  it('is absent for other kinds even when annotated', () => {
    expect(
      filter({
        ...component({ 'backstage.io/kubernetes-id': 'x' }),
        kind: 'System',
      }),
    ).toBe(false);
  });
});

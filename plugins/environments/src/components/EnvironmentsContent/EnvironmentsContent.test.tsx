import { Entity } from '@backstage/catalog-model';
import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { EnvironmentsApi, environmentsApiRef } from '../../api/EnvironmentsApi';
import { EnvironmentsContent } from './EnvironmentsContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: { type: 'service' },
};

const environment = (
  overrides: Partial<EnvironmentState> & { name: string; namespace: string },
): EnvironmentState => ({
  overlay: overrides.name,
  protected: false,
  inFlight: [],
  sync: { status: 'in-sync', reason: 'Runs v1 as Git declares' },
  errors: [],
  ...overrides,
});

const render = (api: EnvironmentsApi) =>
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EnvironmentsContent />
    </EntityProvider>,
    { apis: [[environmentsApiRef, api]] },
  );

describe('EnvironmentsContent', () => {
  it('shows the chain in order for the current entity', async () => {
    const getEnvironments = jest.fn(async () => ({
      entityRef: 'component:default/checkout',
      chain: 'default',
      generatedAt: '2026-11-22T00:00:00.000Z',
      environments: [
        environment({ name: 'qa', namespace: 'qa' }),
        environment({ name: 'production', namespace: 'prod', protected: true }),
      ],
    }));
    await render({ getEnvironments });

    const chain = await screen.findByRole('list', { name: 'Promotion chain' });
    const items = within(chain).getAllByRole('listitem');
    expect(
      items.map(i => i.getAttribute('aria-label') ?? i.textContent),
    ).toEqual([
      expect.stringContaining('qa'),
      expect.stringContaining('production'),
    ]);
    expect(screen.getByText(/namespace prod/)).toBeInTheDocument();
    expect(screen.getByText(/protected/)).toBeInTheDocument();
    expect(getEnvironments).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('shows the desired version and why the cluster could not be read', async () => {
    await render({
      getEnvironments: async () => ({
        entityRef: 'component:default/checkout',
        chain: 'default',
        generatedAt: '2026-11-22T00:00:00.000Z',
        environments: [
          environment({
            name: 'qa',
            namespace: 'qa',
            desired: {
              path: 'k8s/overlays/qa/kustomization.yaml',
              image: {
                name: 'r/checkout',
                tag: 'b0dcbefaca619c9c1af0c8847eddd0ed5010a637',
                digest: `sha256:${'7e'.repeat(32)}`,
              },
            },
            sync: {
              status: 'unknown',
              reason: 'The cluster could not be read',
            },
            errors: [
              {
                source: 'cluster',
                message: "No kubeconfig for cluster 'local'",
              },
            ],
          }),
        ],
      }),
    });
    expect(
      await screen.findByText('Git: b0dcbef@sha256:7e7e7e7e7e7e'),
    ).toBeInTheDocument();
    expect(screen.getByText('Cluster: —')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Cluster: No kubeconfig for cluster 'local'",
    );
    expect(screen.getByLabelText('Sync status')).toHaveTextContent('Unknown');
  });

  it('shows the backend error instead of a blank tab', async () => {
    await render({
      getEnvironments: async () => {
        throw new Error('chain lookup failed');
      },
    });
    expect(
      (await screen.findAllByText(/chain lookup failed/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('list', { name: 'Promotion chain' })).toBeNull();
  });
});

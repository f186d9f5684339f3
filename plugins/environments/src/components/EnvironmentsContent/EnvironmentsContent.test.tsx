import { Entity } from '@backstage/catalog-model';
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
      environments: [
        { name: 'qa', namespace: 'qa', overlay: 'qa', protected: false },
        {
          name: 'production',
          namespace: 'prod',
          overlay: 'production',
          protected: true,
        },
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
    expect(screen.getByText('namespace prod')).toBeInTheDocument();
    expect(screen.getByText(/protected/)).toBeInTheDocument();
    expect(getEnvironments).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
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

import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModuleEnvironments } from './module';

describe('scaffolderModuleEnvironments', () => {
  it('registers its actions with a running scaffolder', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleEnvironments,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });

    const res = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(200);
    const ids = res.body.map((a: { id: string }) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'stageline:environments:annotations',
        'stageline:environments:create',
        'stageline:environments:add',
        'stageline:environments:platform',
      ]),
    );
  });
});

import type { Entity } from '@backstage/catalog-model';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { ownerFile } from '../ownership/__testUtils__/testOwnershipGuard';
import {
  ALICE,
  aliceRequests,
  CHECKOUT,
  entity as checkout,
  promotionWorld,
  REF,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

/** Registered by someone refused on checkout, with checkout's annotations copied. */
const impostor: Entity = {
  ...checkout,
  metadata: { ...checkout.metadata, name: 'innocent-tool' },
};
const IMPOSTOR_REF = { ...REF, name: 'innocent-tool' };

/** A second service that owns overlays of its own but claims checkout's workloads. */
const lookalike: Entity = {
  ...checkout,
  metadata: {
    ...checkout.metadata,
    name: 'checkout-copy',
    annotations: {
      ...checkout.metadata.annotations,
      'stageline.io/overlays-path': 'k8s/copy',
    },
  },
};

describe('ownership of overlays', () => {
  it('refuses an entity that copies another service’s annotations, and writes nothing', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      extraEntities: [impostor],
    });
    const overlayBefore = w.repo.files.get(
      'k8s/overlays/staging/kustomization.yaml',
    );

    const refused = w.service.request(
      IMPOSTOR_REF,
      { target: 'staging' },
      { credentials: ALICE },
    );

    await expect(refused).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        `belongs to ${CHECKOUT}, not component:default/innocent-tool`,
      ),
    });
    await expect(
      w.deps.environments.getEnvironments(IMPOSTOR_REF, {
        credentials: ALICE,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(
      w.deps.environments.getVersionDiff(
        IMPOSTOR_REF,
        { from: 'v1', to: 'v2' },
        { credentials: ALICE },
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    await w.engine.advanceAll();
    expect(w.writer.writes).toEqual([]);
    expect(w.repo.files.get('k8s/overlays/staging/kustomization.yaml')).toBe(
      overlayBefore,
    );
    await expect(w.store.listInFlight()).resolves.toEqual([]);
    await w.close();
  });

  it('refuses a rollback through an entity that does not own the overlays', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      extraEntities: [impostor],
    });
    await expect(
      w.service.request(
        IMPOSTOR_REF,
        { target: 'production', version: 'v1', rollback: true },
        { credentials: ALICE },
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(w.store.listInFlight()).resolves.toEqual([]);
    await w.close();
  });

  it('refuses everyone while the overlays folder names no owner, saying how to name one', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    w.repo.files.delete(ownerFile(CHECKOUT)[0]);

    await expect(
      w.service.request(REF, { target: 'staging' }, { credentials: ALICE }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        `add 'k8s/overlays/stageline-owner.yaml' with 'entity: ${CHECKOUT}'`,
      ),
    });
    expect(w.writer.writes).toEqual([]);
    await w.close();
  });

  it('promotes through the entity the owner file names', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      extraEntities: [impostor],
    });
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.advanceAll();
    expect(w.writer.writes).toEqual([
      expect.objectContaining({
        promotionId: promotion.id,
        path: 'k8s/overlays/staging/kustomization.yaml',
      }),
    ]);
    await w.close();
  });

  it('treats two owners claiming one workload selector as an error, not a share', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      extraEntities: [lookalike, impostor],
    });
    w.repo.files.set(
      ...ownerFile('component:default/checkout-copy', {
        overlaysPath: 'k8s/copy',
      }),
    );

    await expect(
      w.deps.environments.getEnvironments(REF, { credentials: ALICE }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'also claimed by component:default/checkout-copy',
      ),
    });
    await w.close();
  });

  it('is not disturbed by a copy of its annotations that owns nothing', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      extraEntities: [impostor],
    });
    const res = await w.deps.environments.getEnvironments(REF, {
      credentials: ALICE,
    });
    expect(res.environments.map(e => e.live?.image?.tag)).toEqual([
      'v3',
      'v2',
      'v1',
    ]);
    await w.close();
  });
});

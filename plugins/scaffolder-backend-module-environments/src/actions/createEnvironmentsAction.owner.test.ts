import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'yaml';
import { runCreate } from './__testUtils__/runCreate';

const SERVICE = {
  name: 'payments',
  owner: 'team-payments',
  image: 'ghcr.io/acme/payments',
  previews: false,
};

async function ownerFileOf(input: Record<string, unknown>) {
  const { dir } = await runCreate({ ...SERVICE, ...input });
  const overlaysPath = (input.overlaysPath as string) ?? 'k8s/overlays';
  return yaml.parse(
    await readFile(join(dir.path, overlaysPath, OVERLAY_OWNER_FILE), 'utf8'),
  );
}

describe("stageline:environments:create's overlay owner file", () => {
  it('names the source repository when the overlays live in a GitOps repository', async () => {
    expect(
      await ownerFileOf({
        repoSlug: 'acme/payments',
        gitopsRepo: 'acme/gitops',
        overlaysPath: 'apps/payments/overlays',
        basePath: 'apps/payments/base',
      }),
    ).toEqual({
      entity: 'component:default/payments',
      sourceRepository: 'acme/payments',
    });
  });

  it.each([
    [{ repoSlug: 'acme/payments' }],
    [{ repoSlug: 'acme/payments', gitopsRepo: 'Acme/Payments' }],
    [
      {
        repoSlug: 'acme/payments',
        gitopsRepo: 'https://github.com/acme/payments.git',
      },
    ],
    [{}],
  ])(
    'names no source repository when it is the GitOps one (%j)',
    async input => {
      expect(await ownerFileOf(input)).toEqual({
        entity: 'component:default/payments',
      });
    },
  );

  it.each([
    ['payments-v2', 'component:default/payments-v2'],
    ['Component:payments', 'component:default/payments'],
    ['component:finance/payments', 'component:finance/payments'],
    ['resource:finance/Payments_DB', 'resource:finance/payments_db'],
  ])('writes the entity ref %j in full as %j', async (entityRef, entity) => {
    expect(await ownerFileOf({ entityRef })).toEqual({ entity });
  });

  it.each([
    'component:default/',
    'a:b:c/d',
    'component:Finance/payments',
    'component:default/pay ments',
    `component:default/${'p'.repeat(64)}`,
  ])('rejects the entity ref %j, writing nothing', async entityRef => {
    await expect(runCreate({ ...SERVICE, entityRef })).rejects.toThrow(
      /Input 'entityRef' must be an entity ref/,
    );
  });
});

import { stringifyEntityRef } from '@backstage/catalog-model';
import { startKubernetesStandIn } from '@stageline/kubernetes-stand-in';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownerFile } from '../../ownership/__testUtils__/testOwnershipGuard';
import { checkoutEntity } from './checkoutEntity';
import { checkoutRepositories } from './checkoutRepositories';
import { overlayText } from './overlayText';
import { runCheckout } from './runCheckout';
import { twoClusterConfig } from './twoClusterConfig';

const MAIN_TOKEN = 'main-cluster-token';
const PROD_TOKEN = 'prod-cluster-token';
const OVERLAYS = 'apps/checkout/overlays';

/** Path of checkout's overlay for `env` in the GitOps repository. */
export const checkoutOverlay = (env: string) =>
  `${OVERLAYS}/${env}/kustomization.yaml`;

/**
 * Cluster `main` (qa, staging) and cluster `prod` (production, Traefik installed), each a stand-in
 * with its own token, plus the GitOps and source repositories. Each cluster also holds a decoy
 * namespace named like an environment of the other, running another version: reading the wrong
 * cluster shows.
 */
export async function createTwoClusterWorld() {
  const root = await mkdtemp(join(tmpdir(), 'environments-two-clusters-'));
  const main = await startKubernetesStandIn({ token: MAIN_TOKEN });
  const prod = await startKubernetesStandIn({
    token: PROD_TOKEN,
    crds: { traefik: true },
  });
  const { source, gitops, v1, v2 } = await checkoutRepositories(root);
  return {
    main,
    prod,
    gitops,
    v1,
    v2,
    config: (prodUrl = prod.url) =>
      twoClusterConfig({
        main: { url: main.url, token: MAIN_TOKEN },
        prod: { url: prodUrl, token: PROD_TOKEN },
        gitopsUrl: gitops.url,
        sourceUrl: source.url,
        clonesDirectory: join(root, 'clones'),
      }),
    async dispose() {
      await Promise.all([main.stop(), prod.stop()]);
      // A Git process the stopped backend started may still be writing its clone: retry
      // rather than fail on a directory that filled up while it was being removed.
      await rm(root, {
        recursive: true,
        force: true,
        maxRetries: 10,
        retryDelay: 200,
      });
    },
  };
}

/** What createTwoClusterWorld starts. */
export type TwoClusterWorld = Awaited<ReturnType<typeof createTwoClusterWorld>>;

/** qa and staging declare and run v2 on `main`; production declares and runs v1 on `prod`. */
export async function seedTwoClusterWorld(world: TwoClusterWorld) {
  const { main, prod, gitops, v1, v2 } = world;
  await gitops.commit(
    Object.fromEntries([
      [checkoutOverlay('qa'), overlayText('qa', v2)],
      [checkoutOverlay('staging'), overlayText('staging', v2)],
      [checkoutOverlay('production'), overlayText('production', v1)],
      // The owner file the ownership rule requires before the cluster is read or written.
      ownerFile(stringifyEntityRef(checkoutEntity), {
        overlaysPath: OVERLAYS,
        sourceRepository: 'acme/checkout',
      }),
    ]),
    'Overlays of checkout',
  );
  runCheckout(main, 'qa', v2);
  runCheckout(main, 'staging', v2);
  runCheckout(prod, 'production', v1);
  // Decoys: the same namespace names on the other cluster, running the other version.
  runCheckout(main, 'production', v2);
  runCheckout(prod, 'staging', v1);
}

import {
  argoCdApplication,
  fluxKustomization,
} from '@stageline/kubernetes-stand-in';
import { projectArgoApplication } from '../cache/project/projectArgoApplication';
import { projectFluxKustomization } from '../cache/project/projectFluxKustomization';
import { argoCdAgentStatus } from './argoCdAgentStatus';
import { fluxAgentStatus } from './fluxAgentStatus';

const SHA = 'a'.repeat(40);
const NEXT = 'b'.repeat(40);

function argo(state: Parameters<typeof argoCdApplication>[0]['state']) {
  return argoCdAgentStatus(
    projectArgoApplication(
      argoCdApplication({
        name: 'checkout-qa',
        namespace: 'argocd',
        repoURL: 'https://github.com/acme/gitops.git',
        path: 'k8s/overlays/qa',
        destinationNamespace: 'qa',
        state,
      }) as Parameters<typeof projectArgoApplication>[0],
    ),
    'local',
    undefined,
  );
}

function flux(state: Parameters<typeof fluxKustomization>[0]['state']) {
  return fluxAgentStatus(
    projectFluxKustomization(
      fluxKustomization({
        name: 'checkout-qa',
        namespace: 'flux-system',
        sourceRef: { kind: 'GitRepository', name: 'gitops' },
        path: './k8s/overlays/qa',
        targetNamespace: 'qa',
        state,
      }) as Parameters<typeof projectFluxKustomization>[0],
    ),
    'local',
  );
}

const ready = (status: 'True' | 'False' | 'Unknown', reason: string) => ({
  status,
  reason,
  message: `${reason} message`,
  lastTransitionTime: '2026-12-01T10:00:00Z',
});

describe('agent status in Stageline words', () => {
  it('reads a running Argo CD sync as syncing, keeping the last applied revision unknown', () => {
    const status = argo({
      sync: 'OutOfSync',
      revision: NEXT,
      health: 'Progressing',
      operation: {
        phase: 'Running',
        startedAt: '2026-12-01T10:00:00Z',
        revision: NEXT,
      },
    });
    expect(status).toMatchObject({ sync: 'syncing', health: 'Progressing' });
    expect(status.appliedRevision).toBeUndefined();
  });

  it('reads a ComparisonError condition as a failed sync', () => {
    expect(
      argo({
        sync: 'Unknown',
        health: 'Healthy',
        conditions: [
          { type: 'ComparisonError', message: 'repository not accessible' },
        ],
      }),
    ).toMatchObject({
      sync: 'sync-failed',
      lastSyncError: 'repository not accessible',
    });
  });

  it('reads Flux progressing, out of sync and synced', () => {
    expect(
      flux({
        ready: ready('Unknown', 'Progressing'),
        lastAppliedRevision: `main@sha1:${SHA}`,
      }),
    ).toMatchObject({ sync: 'syncing', appliedRevision: SHA });
    expect(
      flux({
        ready: ready('True', 'ReconciliationSucceeded'),
        lastAppliedRevision: `main@sha1:${SHA}`,
        lastAttemptedRevision: `main@sha1:${NEXT}`,
      }),
    ).toMatchObject({ sync: 'out-of-sync', appliedRevision: SHA });
    expect(
      flux({
        ready: ready('True', 'ReconciliationSucceeded'),
        lastAppliedRevision: `main@sha1:${SHA}`,
        lastAttemptedRevision: `main@sha1:${SHA}`,
      }),
    ).toEqual({
      kind: 'flux',
      name: 'checkout-qa',
      namespace: 'flux-system',
      cluster: 'local',
      sync: 'synced',
      appliedRevision: SHA,
      appliedAt: '2026-12-01T10:00:00Z',
      health: 'Ready',
      operation: {
        phase: 'ReconciliationSucceeded',
        message: 'ReconciliationSucceeded message',
        finishedAt: '2026-12-01T10:00:00Z',
      },
    });
  });
});

import { buildDeployment } from '../manifests/buildDeployment';
import { KubernetesObject } from '../manifests/types';
import { podSpecOf, restrictedViolations } from './restrictedViolations';

const deployment = (podSpec: object): KubernetesObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x' },
  spec: { template: { spec: podSpec } },
});

const HARDENED = {
  securityContext: {
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  },
  containers: [
    {
      name: 'app',
      securityContext: {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      },
    },
  ],
};

describe('restrictedViolations', () => {
  it('passes a hardened pod and ignores objects without pods', () => {
    expect(restrictedViolations(deployment(HARDENED))).toEqual([]);
    expect(restrictedViolations({ apiVersion: 'v1', kind: 'Service' })).toEqual(
      [],
    );
  });

  it.each([
    [
      'no seccomp profile',
      { securityContext: { runAsNonRoot: true } },
      /seccomp/,
    ],
    [
      'root allowed',
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      /runAsNonRoot/,
    ],
    ['host network', { hostNetwork: true }, /hostNetwork/],
    [
      'a hostPath volume',
      { volumes: [{ name: 'h', hostPath: { path: '/' } }] },
      /hostPath/,
    ],
  ])('reports %s', (_, override, message) => {
    const problems = restrictedViolations(
      deployment({ ...HARDENED, ...override }),
    );
    expect(problems.join('\n')).toMatch(message);
  });

  it.each([
    [
      'escalation',
      { allowPrivilegeEscalation: true },
      /allowPrivilegeEscalation/,
    ],
    [
      'kept capabilities',
      { capabilities: { drop: ['NET_RAW'] } },
      /does not drop ALL/,
    ],
    [
      'added capabilities',
      { capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } },
      /adds SYS_ADMIN/,
    ],
    [
      'a writable root filesystem',
      { readOnlyRootFilesystem: false },
      /writable/,
    ],
    ['privileged', { privileged: true }, /privileged/],
  ])('reports a container with %s', (_, override, message) => {
    const container = {
      ...HARDENED.containers[0],
      securityContext: {
        ...HARDENED.containers[0].securityContext,
        ...override,
      },
    };
    const problems = restrictedViolations(
      deployment({ ...HARDENED, containers: [container] }),
    );
    expect(problems.join('\n')).toMatch(message);
  });

  it('finds the pod of a CronJob and of a bare Pod', () => {
    const cronJob: KubernetesObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { spec: HARDENED } } } },
    };
    expect(podSpecOf(cronJob)).toBe(HARDENED);
    expect(podSpecOf({ apiVersion: 'v1', kind: 'Pod', spec: HARDENED })).toBe(
      HARDENED,
    );
  });

  it('passes the generated Deployment', () => {
    const layout = {
      name: 'checkout',
      image: 'ghcr.io/acme/checkout',
      port: 8080,
      healthPath: '/health',
    } as Parameters<typeof buildDeployment>[0];
    expect(restrictedViolations(buildDeployment(layout))).toEqual([]);
  });
});

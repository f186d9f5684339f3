import { KubernetesObject } from '../manifests/types';

type SecurityContext = {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  procMount?: string;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string };
  windowsOptions?: { hostProcess?: boolean };
};
type Container = {
  name: string;
  securityContext?: SecurityContext;
  ports?: Array<{ hostPort?: number }>;
};
type PodSpec = {
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: SecurityContext;
  containers?: Container[];
  initContainers?: Container[];
  volumes?: Array<Record<string, unknown>>;
};

// The volume types the `restricted` standard allows.
const ALLOWED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** The pod spec of a workload (Pod, Deployment, Job, CronJob, ...), or undefined for others. */
export function podSpecOf(object: KubernetesObject): PodSpec | undefined {
  const spec = object.spec as any;
  if (object.kind === 'Pod') return spec;
  return spec?.jobTemplate?.spec?.template?.spec ?? spec?.template?.spec;
}

/**
 * What keeps a workload from passing the `restricted` Pod Security Standard (the checks of
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/, baseline included), plus
 * our own rule that the root filesystem is read-only. Empty when it passes or is no workload.
 */
export function restrictedViolations(object: KubernetesObject): string[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  for (const host of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (pod[host]) problems.push(`pod: ${host}`);
  }
  for (const volume of pod.volumes ?? []) {
    const type = Object.keys(volume).find(key => key !== 'name');
    if (!type || !ALLOWED_VOLUMES.has(type)) {
      problems.push(`volume ${volume.name}: type ${type}`);
    }
  }
  if (podContext.runAsUser === 0) problems.push('pod: runAsUser 0');
  const containers = [...(pod.containers ?? []), ...(pod.initContainers ?? [])];
  if (containers.length === 0) problems.push('pod: no containers');
  for (const container of containers) {
    const context = container.securityContext ?? {};
    const own = (problem: string) =>
      problems.push(`container ${container.name}: ${problem}`);
    const effective = <K extends keyof SecurityContext>(key: K) =>
      context[key] ?? podContext[key];
    if (context.privileged) own('privileged');
    if (context.windowsOptions?.hostProcess) own('hostProcess');
    if (context.procMount && context.procMount !== 'Default') own('procMount');
    if (container.ports?.some(p => p.hostPort)) own('hostPort');
    if (context.allowPrivilegeEscalation !== false) {
      own('allowPrivilegeEscalation is not false');
    }
    if (effective('runAsNonRoot') !== true) own('runAsNonRoot is not true');
    if (context.runAsUser === 0) own('runAsUser 0');
    const seccomp = effective('seccompProfile')?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      own(`seccompProfile ${seccomp}`);
    }
    if (!context.capabilities?.drop?.includes('ALL')) own('does not drop ALL');
    const added = context.capabilities?.add ?? [];
    if (added.some(c => c !== 'NET_BIND_SERVICE')) own(`adds ${added}`);
    if (context.readOnlyRootFilesystem !== true) {
      own('root filesystem is writable');
    }
  }
  return problems;
}

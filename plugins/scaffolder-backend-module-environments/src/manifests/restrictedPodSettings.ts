/**
 * What every generated pod carries to pass the `restricted` Pod Security Standard: non-root,
 * `RuntimeDefault` seccomp, no privilege escalation, all capabilities dropped, and a read-only
 * root filesystem with a writable `/tmp` (an emptyDir) for the temporary files most runtimes
 * need. The image must run as a numeric non-root user (`USER 1000`): the kubelet cannot check a
 * user name against `runAsNonRoot`.
 */
export function restrictedPodSettings() {
  return {
    podSecurityContext: {
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containerSecurityContext: {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumes: [{ name: 'tmp', emptyDir: {} }],
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
}

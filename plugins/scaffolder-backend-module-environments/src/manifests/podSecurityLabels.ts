import { PodSecuritySettings } from './layoutTypes';

/**
 * The Pod Security admission labels of a namespace: by default `baseline` is enforced while
 * `restricted` violations are reported as warnings and in the audit log, so that teams see what
 * the stricter level would refuse before it is enforced.
 */
export function podSecurityLabels(
  podSecurity: PodSecuritySettings,
): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': podSecurity.enforce,
    'pod-security.kubernetes.io/warn': podSecurity.warn,
    'pod-security.kubernetes.io/audit': podSecurity.audit,
  };
}

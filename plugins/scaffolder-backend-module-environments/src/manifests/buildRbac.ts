import { EnvironmentKind, RbacSettings } from './layoutTypes';
import { PolicyRule, RBAC_RULES } from './rbacRules';
import { KubernetesObject } from './types';

type Subject = {
  kind: 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
};

const RBAC_GROUP = 'rbac.authorization.k8s.io';

const role = (name: string, rules: PolicyRule[]): KubernetesObject => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'Role',
  metadata: { name },
  rules,
});

const binding = (roleName: string, subject: Subject): KubernetesObject => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'RoleBinding',
  metadata: { name: roleName },
  subjects: [
    subject.kind === 'Group' ? { ...subject, apiGroup: RBAC_GROUP } : subject,
  ],
  roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: roleName },
});

/**
 * Roles and RoleBindings for one environment, per the matrix: developers write previews, qa and
 * other open stages and only read protected ones; the QA group administers qa; the CI
 * ServiceAccount deploys to protected environments. Namespaced only, never cluster-wide.
 */
export function buildRbac(
  kind: EnvironmentKind,
  rbac: RbacSettings,
): KubernetesObject[] {
  const developers: Subject = { kind: 'Group', name: rbac.developersGroup };
  const pairs: Array<[string, PolicyRule[], Subject]> = [];
  if (kind === 'protected') {
    pairs.push(['developer-read', RBAC_RULES.developerRead, developers]);
    pairs.push([
      'ci-deploy',
      RBAC_RULES.ciDeploy,
      {
        kind: 'ServiceAccount',
        name: rbac.ciServiceAccount,
        namespace: rbac.ciServiceAccountNamespace,
      },
    ]);
  } else {
    pairs.push(['developer-write', RBAC_RULES.developerWrite, developers]);
  }
  if (kind === 'qa') {
    pairs.push([
      'qa-admin',
      RBAC_RULES.qaAdmin,
      { kind: 'Group', name: rbac.qaGroup },
    ]);
  }
  return [
    ...pairs.map(([name, rules]) => role(name, rules)),
    ...pairs.map(([name, , subject]) => binding(name, subject)),
  ];
}

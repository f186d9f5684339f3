import { KubernetesObject } from '../manifests/types';

type Subject = { kind: string; name: string; namespace?: string };

const ofKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind);

/**
 * Verbs each subject (`Group:/developers`, `ServiceAccount:kube-system/github-ci`) gets in one
 * rendered namespace, following RoleBindings to Roles.
 */
export function verbsBySubject(
  objects: KubernetesObject[],
): Record<string, Set<string>> {
  const roles = new Map(
    ofKind(objects, 'Role').map(r => [r.metadata!.name, r.rules as any[]]),
  );
  const result: Record<string, Set<string>> = {};
  for (const binding of ofKind(objects, 'RoleBinding')) {
    const rules = roles.get((binding.roleRef as { name: string }).name) ?? [];
    for (const subject of binding.subjects as Subject[]) {
      const key = `${subject.kind}:${subject.namespace ?? ''}/${subject.name}`;
      result[key] ??= new Set();
      rules.forEach(rule =>
        rule.verbs.forEach((v: string) => result[key].add(v)),
      );
    }
  }
  return result;
}

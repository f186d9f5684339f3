import { apiVersionOf } from './apiVersionOf';
import type { ResourceType } from './ResourceType';

/** Looks kinds up by URL parts or by apiVersion and kind. */
export class ResourceRegistry {
  readonly types: ResourceType[];

  constructor(types: ResourceType[]) {
    this.types = types;
  }

  byPath(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types.find(
      t => apiVersionOf(t) === apiVersion && t.kind === kind,
    );
  }

  /** Kinds of one group version, empty when the stand-in does not serve it. */
  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.types.filter(t => t.group === group && t.version === version);
  }

  /** Named API groups with their versions, in first-seen order. */
  groups(): Array<{ name: string; versions: string[] }> {
    const groups = new Map<string, string[]>();
    for (const t of this.types) {
      if (!t.group) continue;
      const versions = groups.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      groups.set(t.group, versions);
    }
    return [...groups].map(([name, versions]) => ({ name, versions }));
  }
}

import type { ResourceType } from '../resources/ResourceType';

/** Injected failures: a path prefix (`/apis/apps`) or a kind (`Deployment`, `deployments`). */
export class FailureRules {
  private readonly rules = new Map<string, number>();

  set(pathPrefixOrKind: string, status: number | undefined): void {
    if (status === undefined) this.rules.delete(pathPrefixOrKind);
    else this.rules.set(pathPrefixOrKind, status);
  }

  clear(): void {
    this.rules.clear();
  }

  /** The status to answer with, or undefined to serve normally. */
  match(pathname: string, type: ResourceType | undefined): number | undefined {
    for (const [key, status] of this.rules) {
      if (
        key.startsWith('/') ? pathname.startsWith(key) : matchesKind(key, type)
      ) {
        return status;
      }
    }
    return undefined;
  }
}

function matchesKind(key: string, type: ResourceType | undefined): boolean {
  if (!type) return false;
  const wanted = key.toLowerCase();
  return wanted === type.kind.toLowerCase() || wanted === type.plural;
}

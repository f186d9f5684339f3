import type { PreviewOverride, PreviewOverrideStore } from '../types';

/** A PreviewOverrideStore in memory, for tests; `failing` makes every call reject. */
export class InMemoryPreviewOverrideStore implements PreviewOverrideStore {
  readonly overrides = new Map<string, PreviewOverride>();
  failing?: Error;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async listPreviewOverrides(cluster: string): Promise<PreviewOverride[]> {
    this.check();
    return [...this.overrides.values()]
      .filter(o => o.cluster === cluster)
      .map(o => ({ ...o }));
  }

  async setPreviewOverride(
    override: Omit<PreviewOverride, 'updatedAt'>,
  ): Promise<PreviewOverride> {
    this.check();
    const stored = { ...override, updatedAt: this.now().toISOString() };
    this.overrides.set(keyOf(override.cluster, override.namespace), stored);
    return { ...stored };
  }

  async deletePreviewOverride(
    cluster: string,
    namespace: string,
  ): Promise<void> {
    this.check();
    this.overrides.delete(keyOf(cluster, namespace));
  }

  private check(): void {
    if (this.failing) throw this.failing;
  }
}

function keyOf(cluster: string, namespace: string): string {
  return `${cluster}/${namespace}`;
}

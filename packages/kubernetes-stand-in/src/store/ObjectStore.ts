import { randomUUID } from 'node:crypto';
import type { ResourceType } from '../resources/ResourceType';
import type { StandInObject } from '../StandInObject';
import type { StoredEvent } from './StoredEvent';

type Listener = (type: ResourceType, event: StoredEvent) => void;

// Real clusters hand out large numbers; starting above zero also makes "0" mean "any".
const FIRST_RESOURCE_VERSION = 1000;

/**
 * Objects per kind with one global resourceVersion and a bounded event history per kind, like
 * the API server's watch cache: a watch may resume from any version still in the history.
 */
export class ObjectStore {
  private resourceVersion = FIRST_RESOURCE_VERSION;
  private expiredBelow = FIRST_RESOURCE_VERSION;
  private readonly objects = new Map<
    ResourceType,
    Map<string, StandInObject>
  >();
  private readonly history = new Map<ResourceType, StoredEvent[]>();
  private readonly compactedAt = new Map<ResourceType, number>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly historyLimit = 10_000) {}

  currentResourceVersion(): number {
    return this.resourceVersion;
  }

  /** Creates or replaces an object; returns the stored copy. */
  put(type: ResourceType, input: StandInObject): StandInObject {
    const object = JSON.parse(JSON.stringify(input)) as StandInObject;
    const meta = object.metadata;
    if (type.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    const objects = this.objectsOf(type);
    const key = keyOf(meta.namespace, meta.name);
    const previous = objects.get(key);
    meta.uid = meta.uid ?? previous?.metadata.uid ?? randomUUID();
    meta.creationTimestamp =
      meta.creationTimestamp ??
      previous?.metadata.creationTimestamp ??
      new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    meta.generation = meta.generation ?? nextGeneration(previous, object);
    meta.resourceVersion = String(++this.resourceVersion);
    objects.set(key, object);
    this.record(type, {
      resourceVersion: this.resourceVersion,
      type: previous ? 'MODIFIED' : 'ADDED',
      object,
      previous,
    });
    return object;
  }

  /** Deletes an object; returns its last state, or undefined when there was none. */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StandInObject | undefined {
    const objects = this.objectsOf(type);
    const key = keyOf(type.namespaced ? namespace : undefined, name);
    const previous = objects.get(key);
    if (!previous) return undefined;
    objects.delete(key);
    const object: StandInObject = {
      ...previous,
      metadata: {
        ...previous.metadata,
        resourceVersion: String(++this.resourceVersion),
      },
    };
    this.record(type, {
      resourceVersion: this.resourceVersion,
      type: 'DELETED',
      object,
      previous,
    });
    return object;
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StandInObject | undefined {
    return this.objectsOf(type).get(
      keyOf(type.namespaced ? namespace : undefined, name),
    );
  }

  list(type: ResourceType): StandInObject[] {
    return [...this.objectsOf(type).values()];
  }

  /** Whether a watch or list from `resourceVersion` can no longer be served (410 Gone). */
  isExpired(type: ResourceType, resourceVersion: number): boolean {
    const floor = Math.max(this.expiredBelow, this.compactedAt.get(type) ?? 0);
    return resourceVersion < floor;
  }

  /** Recorded events of a kind newer than `resourceVersion`, oldest first. */
  eventsAfter(type: ResourceType, resourceVersion: number): StoredEvent[] {
    return (this.history.get(type) ?? []).filter(
      e => e.resourceVersion > resourceVersion,
    );
  }

  /** Forgets all history: every version older than the current one is now too old. */
  expire(): void {
    this.history.clear();
    this.compactedAt.clear();
    this.expiredBelow = this.resourceVersion;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(type: ResourceType, event: StoredEvent): void {
    const history = this.history.get(type) ?? [];
    history.push(event);
    if (history.length > this.historyLimit) {
      const dropped = history.shift()!;
      this.compactedAt.set(type, dropped.resourceVersion);
    }
    this.history.set(type, history);
    for (const listener of this.listeners) listener(type, event);
  }

  private objectsOf(type: ResourceType): Map<string, StandInObject> {
    let objects = this.objects.get(type);
    if (!objects) {
      objects = new Map();
      this.objects.set(type, objects);
    }
    return objects;
  }
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

// Like the API server: generation moves only when the spec changes.
function nextGeneration(
  previous: StandInObject | undefined,
  next: StandInObject,
): number {
  if (!previous) return 1;
  const before = previous.metadata.generation ?? 1;
  return JSON.stringify(previous.spec) === JSON.stringify(next.spec)
    ? before
    : before + 1;
}

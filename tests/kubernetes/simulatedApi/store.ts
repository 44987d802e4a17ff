/**
 * The simulated API's object store (etcd's part): objects by resource, namespace and name, one
 * resourceVersion counter for all of them, and the event history that watches resume from.
 */
import { randomUUID } from 'node:crypto';
import type { ResourceType } from './resources';

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  readonly type: EventType;
  readonly object: KubeObject;
  readonly plural: string;
  readonly resourceVersion: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** How many past events a watch may resume from; older resourceVersions get 410 Gone, as etcd compaction gives. */
const HISTORY = 20_000;

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: WatchEvent[] = [];
  private readonly listeners = new Set<(event: WatchEvent) => void>();
  private version = 1;

  get resourceVersion(): number {
    return this.version;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(key(type, namespace, name));
    return found && clone(found);
  }

  list(type: ResourceType, namespace: string | undefined): KubeObject[] {
    const prefix = `${type.plural}/${namespace ?? ''}/`;
    const all = [...this.objects.entries()].filter(([k]) =>
      namespace === undefined ? k.startsWith(`${type.plural}/`) : k.startsWith(prefix),
    );
    return all.map(([, object]) => clone(object));
  }

  create(type: ResourceType, object: KubeObject): KubeObject {
    const k = key(type, object.metadata.namespace, object.metadata.name);
    if (this.objects.has(k)) {
      throw new ApiError(409, 'AlreadyExists', `${type.plural} "${object.metadata.name}" already exists`);
    }
    const stored: KubeObject = {
      ...clone(object),
      apiVersion: type.apiVersion,
      kind: type.kind,
      metadata: {
        ...clone(object.metadata),
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      },
    };
    return this.commit(type, k, stored, 'ADDED');
  }

  /** A write that names the resourceVersion it read: refused if the object changed since (optimistic concurrency). */
  replace(type: ResourceType, object: KubeObject): KubeObject {
    const k = key(type, object.metadata.namespace, object.metadata.name);
    const current = this.objects.get(k);
    if (!current) throw notFound(type, object.metadata.name);
    const expected = object.metadata.resourceVersion;
    if (expected !== undefined && expected !== current.metadata.resourceVersion) {
      throw new ApiError(
        409,
        'Conflict',
        `Operation cannot be fulfilled on ${type.plural} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const stored: KubeObject = {
      ...clone(object),
      apiVersion: type.apiVersion,
      kind: type.kind,
      metadata: {
        ...clone(object.metadata),
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        deletionTimestamp: current.metadata.deletionTimestamp,
      },
    };
    return this.commit(type, k, stored, 'MODIFIED');
  }

  /** A change the cluster makes itself (status, deletionTimestamp): no precondition. */
  modify(type: ResourceType, namespace: string | undefined, name: string, change: (o: KubeObject) => void) {
    const k = key(type, namespace, name);
    const current = this.objects.get(k);
    if (!current) return undefined;
    const next = clone(current);
    change(next);
    return this.commit(type, k, next, 'MODIFIED');
  }

  remove(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const k = key(type, namespace, name);
    const current = this.objects.get(k);
    if (!current) return undefined;
    this.objects.delete(k);
    this.version += 1;
    const gone = clone(current);
    gone.metadata.resourceVersion = String(this.version);
    this.publish({ type: 'DELETED', object: gone, plural: type.plural, resourceVersion: this.version });
    return gone;
  }

  /** Events after `since`, or undefined when the history no longer reaches back that far. */
  eventsSince(since: number): WatchEvent[] | undefined {
    const oldest = this.history[0]?.resourceVersion ?? this.version + 1;
    if (since < oldest - 1 && this.history.length >= HISTORY) return undefined;
    return this.history.filter((event) => event.resourceVersion > since);
  }

  subscribe(listener: (event: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(type: ResourceType, k: string, object: KubeObject, eventType: EventType): KubeObject {
    this.version += 1;
    object.metadata.resourceVersion = String(this.version);
    this.objects.set(k, object);
    this.publish({
      type: eventType,
      object: clone(object),
      plural: type.plural,
      resourceVersion: this.version,
    });
    return clone(object);
  }

  private publish(event: WatchEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.shift();
    for (const listener of this.listeners) listener(event);
  }
}

export function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${type.plural} "${name}" not found`);
}

function key(type: ResourceType, namespace: string | undefined, name: string): string {
  return `${type.plural}/${type.namespaced ? (namespace ?? '') : ''}/${name}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

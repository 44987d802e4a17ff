/**
 * What the provider knows of the cluster: this workshop's namespaces and pods, listed once and
 * then kept current by watches (client-node's informers, KubeSpawner's reflectors). Every answer
 * reads this cache; waiting for a pod is waiting for the next change, never polling the API.
 */
import {
  makeInformer,
  type Informer,
  type KubeConfig,
  type ObjectCache,
  type V1Namespace,
  type V1Pod,
} from '@kubernetes/client-node';
import type { Logger } from '../../log';
import type { ClusterApi } from './clusterApi';
import { workshopSelector } from './labels';

/** After a watch fails (API server restart, network), start it again after this long. */
const RESTART_MS = 1_000;

export class ClusterCache {
  private readonly namespaces: Informer<V1Namespace> & ObjectCache<V1Namespace>;
  private readonly pods: Informer<V1Pod> & ObjectCache<V1Pod>;
  private readonly listeners = new Set<() => void>();
  private stopped = false;

  constructor(
    config: KubeConfig,
    api: ClusterApi,
    workshopId: string,
    private readonly log: Logger,
  ) {
    const labelSelector = workshopSelector(workshopId);
    this.namespaces = makeInformer(
      config,
      '/api/v1/namespaces',
      () => api.core.listNamespace({ labelSelector }),
      labelSelector,
    );
    this.pods = makeInformer(
      config,
      '/api/v1/pods',
      () => api.core.listPodForAllNamespaces({ labelSelector }),
      labelSelector,
    );
    for (const informer of [this.namespaces, this.pods] as Informer<V1Namespace | V1Pod>[]) {
      for (const event of ['add', 'update', 'delete'] as const) informer.on(event, () => this.changed());
      informer.on('error', (error: unknown) => {
        if (this.stopped) return;
        this.log.warn(`kubernetes: a watch failed (${String(error)}); starting it again`);
        setTimeout(() => {
          if (!this.stopped) informer.start().catch(() => {});
        }, RESTART_MS);
      });
    }
  }

  /** Resolves once both lists arrived: before that, the cache would say the cluster is empty. */
  async start(): Promise<void> {
    await Promise.all([this.namespaces.start(), this.pods.start()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.namespaces.stop(), this.pods.stop()]);
    for (const listener of this.listeners) listener();
  }

  allNamespaces(): readonly V1Namespace[] {
    return this.namespaces.list();
  }

  namespace(name: string): V1Namespace | undefined {
    return this.namespaces.get(name);
  }

  pod(namespace: string, name: string): V1Pod | undefined {
    return this.pods.get(name, namespace);
  }

  /**
   * Resolves with `check`'s first defined answer, re-asked after every change; undefined when the
   * signal aborts, the timeout passes or the cache stops.
   */
  until<T>(
    check: () => T | undefined,
    options: { signal?: AbortSignal; timeoutMs: number; tick?: () => void },
  ): Promise<T | undefined> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve) => {
      const finish = (value: T | undefined) => {
        this.listeners.delete(listener);
        clearTimeout(timer);
        clearInterval(ticker);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const listener = () => {
        if (this.stopped) return finish(undefined);
        const value = check();
        if (value !== undefined) finish(value);
      };
      const onAbort = () => finish(undefined);
      const timer = setTimeout(() => finish(undefined), options.timeoutMs);
      const ticker = setInterval(() => options.tick?.(), 1_000);
      this.listeners.add(listener);
      options.signal?.addEventListener('abort', onAbort);
      if (options.signal?.aborted) finish(undefined);
    });
  }

  /** Calls `listener` after every change the watches bring; returns how to stop. */
  onChange(listener: () => void): () => void {
    const wrapped = () => {
      if (!this.stopped) listener();
    };
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

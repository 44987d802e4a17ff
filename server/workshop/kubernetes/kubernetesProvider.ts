/**
 * The `kubernetes` workspace provider: each attendee's workspace is a pod of our terminal server in
 * a namespace of their own (namespaceObjects.ts, workspacePod.ts). The cluster is the source of
 * truth: every answer comes from a watch-fed cache of this workshop's labelled objects, so a
 * restarted or second workshop server re-adopts what runs without creating or deleting anything.
 */
import { KubeConfig, type V1Namespace } from '@kubernetes/client-node';
import type { Logger } from '../../log';
import type {
  EndpointOptions,
  EndpointResult,
  Workspace,
  WorkspaceOwner,
  WorkspaceProvider,
} from '../workspaceProvider';
import { ClusterApi, describeApiError } from './clusterApi';
import { ClusterCache } from './clusterCache';
import { ANNOTATION, LABEL } from './labels';
import { AUDIENCE_KEY, TOKEN_KEY, TOKEN_SECRET } from './namespaceObjects';
import { resolveOptions, type KubernetesProviderOptions, type KubernetesProviderSettings } from './options';
import { podState } from './podState';
import { endpointOf, waitForPod } from './readiness';
import { WarmPool } from './warmPool';
import { makeWorkspace, newNamespaceName } from './workspaceMaker';
import { POD_NAME, workspacePod } from './workspacePod';

/** How long stop() and delete() wait for the cluster to confirm the pod's processes ended. */
const GONE_TIMEOUT_MS = 120_000;

export async function startKubernetesProvider(
  settings: KubernetesProviderSettings,
  log: Logger,
): Promise<KubernetesProvider> {
  const options = resolveOptions(settings, log);
  const config = options.kubeConfig ?? defaultKubeConfig();
  const api = new ClusterApi(config);
  const cache = new ClusterCache(config, api, options.workshopId, options.log);
  await cache.start();
  const provider = new KubernetesProvider(api, cache, options);
  provider.pool.start();
  return provider;
}

function defaultKubeConfig(): KubeConfig {
  const config = new KubeConfig();
  config.loadFromDefault();
  return config;
}

export class KubernetesProvider implements WorkspaceProvider {
  readonly kind = 'kubernetes';
  readonly pool: WarmPool;
  /** One create or restart at a time per attendee: a double-click must not make two namespaces. */
  private readonly busy = new Map<string, Promise<unknown>>();
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly api: ClusterApi,
    private readonly cache: ClusterCache,
    private readonly options: KubernetesProviderOptions,
  ) {
    this.pool = new WarmPool(api, cache, options);
  }

  create(owner: WorkspaceOwner): Promise<Workspace> {
    return this.serially(owner.attendeeId, async () => {
      const existing = this.namespaceOf(owner.attendeeId);
      if (existing) return this.workspaceOf(existing);
      const createdAt = Date.now();
      try {
        let name = await this.pool.claim(owner);
        if (!name) {
          name = newNamespaceName(this.options);
          await makeWorkspace(this.api, name, owner, this.options);
        }
        const made = await this.cache.until(() => this.namespaceOf(owner.attendeeId), { timeoutMs: 30_000 });
        return made ? this.workspaceOf(made) : { owner, state: 'starting', createdAt };
      } catch (error) {
        return {
          owner,
          state: 'failed',
          createdAt,
          failure: `the cluster refused the workspace: ${describeApiError(error)}`,
        };
      }
    });
  }

  async find(attendeeId: string): Promise<Workspace | undefined> {
    const namespace = this.namespaceOf(attendeeId);
    return namespace && this.workspaceOf(namespace);
  }

  async list(): Promise<Workspace[]> {
    return this.cache
      .allNamespaces()
      .filter((ns) => !ns.metadata?.deletionTimestamp && ns.metadata?.labels?.[LABEL.attendee] !== undefined)
      .map((ns) => this.workspaceOf(ns));
  }

  async endpoint(attendeeId: string, options: EndpointOptions = {}): Promise<EndpointResult> {
    const namespace = this.namespaceOf(attendeeId)?.metadata?.name;
    if (!namespace)
      return { ok: false, code: 'not-found', message: 'this attendee has no workspace; join again' };
    const started = Date.now();
    const watching = options.access === 'watch';
    try {
      if (!watching) await this.serially(attendeeId, () => this.ensurePod(namespace, options.signal));
      else if (podState(this.cache.pod(namespace, POD_NAME)).state === 'stopped')
        return {
          ok: false,
          code: 'not-found',
          message: 'the workspace is stopped; watching does not start it',
        };
    } catch (error) {
      return {
        ok: false,
        code: 'failed',
        message: `the workspace pod could not be created: ${describeApiError(error)}`,
      };
    }
    const settled = await waitForPod(this.cache, namespace, started, this.options.readyTimeoutMs, options);
    if (!settled.ok) return settled;
    const token = await this.token(namespace, watching ? AUDIENCE_KEY : TOKEN_KEY);
    if (!token)
      return { ok: false, code: 'failed', message: 'the workspace has lost its token Secret; reset it' };
    return { ok: true, endpoint: endpointOf(settled.podIP, token) };
  }

  async stop(attendeeId: string): Promise<void> {
    const namespace = this.namespaceOf(attendeeId)?.metadata?.name;
    if (!namespace) return;
    await this.serially(attendeeId, async () => {
      await this.api.deletePod(namespace, POD_NAME);
      await this.cache.until(() => (this.cache.pod(namespace, POD_NAME) ? undefined : true), {
        timeoutMs: GONE_TIMEOUT_MS,
      });
    });
  }

  async delete(attendeeId: string): Promise<void> {
    const namespace = this.namespaceOf(attendeeId)?.metadata?.name;
    if (!namespace) return;
    await this.serially(attendeeId, () => this.deleteNamespaces([namespace]));
    for (const key of [TOKEN_KEY, AUDIENCE_KEY]) this.tokens.delete(`${namespace}/${key}`);
  }

  /** The workshop is over: every namespace it made goes, the warm ones too, and no more are made. */
  async endWorkshop(): Promise<void> {
    await this.pool.stop();
    await this.deleteNamespaces(this.cache.allNamespaces().map((ns) => ns.metadata?.name ?? ''));
  }

  async dispose(): Promise<void> {
    await this.pool.stop();
    await this.cache.stop();
  }

  private async deleteNamespaces(names: string[]): Promise<void> {
    await Promise.all(names.map((name) => this.api.deleteNamespace(name)));
    const left = new Set(names);
    await this.cache.until(
      () => (this.cache.allNamespaces().some((ns) => left.has(ns.metadata?.name ?? '')) ? undefined : true),
      {
        timeoutMs: GONE_TIMEOUT_MS,
      },
    );
  }

  /** A stopped (culled) or ended workspace gets a new pod in its namespace: its objects and token stay. */
  private async ensurePod(namespace: string, signal: AbortSignal | undefined): Promise<void> {
    const current = this.cache.pod(namespace, POD_NAME);
    if (current && !current.metadata?.deletionTimestamp) {
      const ended = current.status?.phase === 'Failed' || current.status?.phase === 'Succeeded';
      // Starting, ready, or stuck on its image (a new pod would be stuck the same way): leave it.
      if (!ended) return;
      await this.api.deletePod(namespace, POD_NAME);
    }
    if (current) {
      await this.cache.until(() => (this.cache.pod(namespace, POD_NAME) ? undefined : true), {
        signal,
        timeoutMs: GONE_TIMEOUT_MS,
      });
    }
    const ns = this.cache.namespace(namespace);
    const owner = {
      attendeeId: ns?.metadata?.labels?.[LABEL.attendee],
      displayName: ns?.metadata?.annotations?.[ANNOTATION.displayName],
    };
    await this.api.createPod(namespace, workspacePod(owner, this.options));
  }

  private async token(namespace: string, key: string): Promise<string | undefined> {
    const known = this.tokens.get(`${namespace}/${key}`);
    if (known) return known;
    const read = await this.api.readToken(namespace, TOKEN_SECRET, key);
    if (read) this.tokens.set(`${namespace}/${key}`, read);
    return read;
  }

  private namespaceOf(attendeeId: string): V1Namespace | undefined {
    return this.cache
      .allNamespaces()
      .find((ns) => !ns.metadata?.deletionTimestamp && ns.metadata?.labels?.[LABEL.attendee] === attendeeId);
  }

  private workspaceOf(namespace: V1Namespace): Workspace {
    const labels = namespace.metadata?.labels ?? {};
    const annotations = namespace.metadata?.annotations ?? {};
    const pod = this.cache.pod(namespace.metadata?.name ?? '', POD_NAME);
    const { state, failure } = podState(pod);
    const claimed = Number(annotations[ANNOTATION.claimedAt]);
    return {
      owner: {
        workshopId: annotations[ANNOTATION.workshopId] ?? this.options.workshopId,
        attendeeId: labels[LABEL.attendee] ?? '',
        displayName: annotations[ANNOTATION.displayName] ?? '',
      },
      state,
      createdAt:
        Number.isFinite(claimed) && claimed > 0
          ? claimed
          : new Date(namespace.metadata?.creationTimestamp ?? 0).getTime(),
      ...(failure === undefined ? {} : { failure }),
    };
  }

  private serially<T>(attendeeId: string, work: () => Promise<T>): Promise<T> {
    const before = this.busy.get(attendeeId) ?? Promise.resolve();
    const next = before.catch(() => {}).then(work);
    this.busy.set(attendeeId, next);
    void next
      .catch(() => {})
      .finally(() => {
        if (this.busy.get(attendeeId) === next) this.busy.delete(attendeeId);
      });
    return next;
  }
}

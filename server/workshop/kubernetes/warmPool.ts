/**
 * Ready workspaces nobody has yet (`--warm N`): a join claims one instead of waiting for the
 * scheduler and an image pull. Claiming is a compare-and-set on the namespace's labels (the
 * resourceVersion read), so two workshop servers never hand one workspace to two attendees.
 */
import type { V1Namespace } from '@kubernetes/client-node';
import { describeApiError, type ClusterApi } from './clusterApi';
import type { ClusterCache } from './clusterCache';
import { LABEL } from './labels';
import type { KubernetesProviderOptions } from './options';
import { podState } from './podState';
import { claimLabels, makeWorkspace, newNamespaceName } from './workspaceMaker';
import { POD_NAME, type PodOwner } from './workspacePod';

export class WarmPool {
  /** Made by this process and not yet seen in the cache: counted, so a top-up never overshoots. */
  private readonly making = new Set<string>();
  private filling: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private unwatch: () => void = () => {};

  constructor(
    private readonly api: ClusterApi,
    private readonly cache: ClusterCache,
    private readonly options: KubernetesProviderOptions,
  ) {}

  /** The namespace claimed for the owner, or undefined when none is free. */
  async claim(owner: PodOwner): Promise<string | undefined> {
    const rank = (ns: V1Namespace) => {
      const pod = this.cache.pod(ns.metadata?.name ?? '', POD_NAME);
      // A pod the watch has not shown yet is on its way; a failed or deleted one is no use.
      if (!pod) return 1;
      const state = podState(pod).state;
      return state === 'ready' ? 0 : state === 'starting' ? 1 : 2;
    };
    const candidates = this.unclaimed()
      .filter((ns) => rank(ns) < 2)
      .sort((a, b) => rank(a) - rank(b));
    for (const candidate of candidates) {
      const name = candidate.metadata?.name ?? '';
      const won = await this.api.replaceNamespace(candidate, (ns) => claimLabels(ns, owner, Date.now()));
      if (!won) continue;
      // The namespace is the record of ownership; the pod's label is for `kubectl get pods -l`.
      await this.api
        .replacePodLabels(name, POD_NAME, { [LABEL.attendee]: owner.attendeeId ?? '' }, {})
        .catch((error: unknown) =>
          this.options.log.warn(`kubernetes: labelling ${name}'s pod: ${describeApiError(error)}`),
        );
      this.fill();
      return name;
    }
    this.fill();
    return undefined;
  }

  /** Makes workspaces until N are unclaimed; one fill at a time, a request during one runs it again. */
  fill(): void {
    if (this.stopped || this.options.warm === 0) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = this.fillOnce().finally(() => {
      this.filling = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        this.fill();
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unwatch();
    await this.filling;
  }

  private async fillOnce(): Promise<void> {
    // A warm pod that ended (killed, evicted) will never be Ready: its namespace goes, a new one comes.
    for (const ns of this.unclaimed()) {
      const name = ns.metadata?.name ?? '';
      if (!this.ended(ns)) continue;
      this.options.log.warn(`kubernetes: the warm workspace ${name} ended; it is replaced`);
      await this.api.deleteNamespace(name).catch(() => {});
    }
    const seen = new Set(this.cache.allNamespaces().map((ns) => ns.metadata?.name));
    for (const name of this.making) if (seen.has(name)) this.making.delete(name);
    const unclaimed = this.unclaimed().map((ns) => ns.metadata?.name);
    const missing = this.options.warm - new Set([...unclaimed, ...this.making]).size;
    if (missing <= 0) return;
    await Promise.all(
      Array.from({ length: missing }, async () => {
        const name = newNamespaceName(this.options);
        this.making.add(name);
        try {
          await makeWorkspace(this.api, name, {}, this.options);
        } catch (error) {
          this.making.delete(name);
          this.options.log.warn(`kubernetes: could not make a warm workspace: ${describeApiError(error)}`);
        }
      }),
    );
  }

  /** Fills now, and again after any change that leaves the pool short (a warm pod ended, a namespace went). */
  start(): void {
    if (this.options.warm === 0) return;
    this.unwatch = this.cache.onChange(() => {
      const unclaimed = this.unclaimed();
      if (unclaimed.length < this.options.warm || unclaimed.some((ns) => this.ended(ns))) this.fill();
    });
    this.fill();
  }

  private ended(ns: V1Namespace): boolean {
    const phase = this.cache.pod(ns.metadata?.name ?? '', POD_NAME)?.status?.phase;
    return phase === 'Failed' || phase === 'Succeeded';
  }

  private unclaimed(): V1Namespace[] {
    return this.cache
      .allNamespaces()
      .filter((ns) => !ns.metadata?.deletionTimestamp && ns.metadata?.labels?.[LABEL.attendee] === undefined);
  }
}

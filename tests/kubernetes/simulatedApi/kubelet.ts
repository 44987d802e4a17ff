/**
 * The simulated node: a created pod gets an address of its own (127.x.y.z: all of 127/8 is
 * loopback on Linux, so every pod listens on its containerPort like in a cluster), a real terminal
 * server process, and status that follows it: Running, Ready once it answers, Failed if it dies.
 * A deleted pod's process group is ended before the pod object goes away.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { pulled, type ImagePull } from './imagePull';
import { LaunchError, planLaunch, startProcess, type PodLaunch } from './podProcess';
import { RESOURCE_TYPES } from './resources';
import type { KubeObject, ObjectStore } from './store';

const PODS = RESOURCE_TYPES.find((t) => t.plural === 'pods')!;
const SECRETS = RESOURCE_TYPES.find((t) => t.plural === 'secrets')!;
/** Containers starting at once, like a node's parallel image pulls (100 node processes would starve two cores). */
const PARALLEL_STARTS = 4;

interface Running {
  child?: ChildProcess;
  launch?: PodLaunch;
  exited: Promise<void>;
  markExited: () => void;
  deleting: boolean;
}

export class SimulatedKubelet {
  imagePull: ImagePull = { ms: 0 };
  private readonly pods = new Map<string, Running>();
  private readonly queue: (() => void)[] = [];
  private starting = 0;
  private nextAddress = 1;
  // Random in two octets, not one: several simulated clusters run at once (test files in parallel,
  // two clones on one machine), and two that drew the same /16 gave their pods the same addresses.
  private readonly subnet = `127.${20 + Math.floor(Math.random() * 200)}`;
  private readonly firstRow = Math.floor(Math.random() * 200);

  constructor(
    private readonly store: ObjectStore,
    private readonly bundle: string,
  ) {}

  /** Processes that run right now: the test's proof that nothing was left behind. */
  get processCount(): number {
    return [...this.pods.values()].filter(
      (pod) => pod.child && pod.child.exitCode === null && pod.child.signalCode === null,
    ).length;
  }

  /** Where a path inside a running pod's volumes is on this machine (a test looks into HOME). */
  hostPathOf(namespace: string, name: string, inPod: string): string | undefined {
    return this.pods.get(`${namespace}/${name}`)?.launch?.hostPathOf(inPod);
  }

  /** The container dies on its own (OOM-killed, a crash): what a test does to see the pod fail. */
  crash(namespace: string, name: string): void {
    const pid = this.pods.get(`${namespace}/${name}`)?.child?.pid;
    if (pid !== undefined) signal(pid, 'SIGKILL');
  }

  run(pod: KubeObject): void {
    const id = podKey(pod);
    let markExited = () => {};
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const running: Running = { exited, markExited, deleting: false };
    this.pods.set(id, running);
    const address = this.nextAddress++;
    const podIP = `${this.subnet}.${this.firstRow + Math.floor(address / 250)}.${(address % 250) + 1}`;
    this.setStatus(pod, { phase: 'Pending', podIP, conditions: condition('PodScheduled', true) });
    const pull = this.imagePull;
    if (pull.ms === 0 && !pull.until && pull.error === undefined) return this.enqueue(pod, podIP, running);
    this.setStatus(pod, { containerState: { waiting: { reason: 'ContainerCreating' } } });
    void pulled(pull).then(() => {
      if (running.deleting) return running.markExited();
      if (pull.error === undefined) return this.enqueue(pod, podIP, running);
      this.setStatus(pod, { containerState: { waiting: { reason: 'ErrImagePull', message: pull.error } } });
      running.markExited();
    });
  }

  private enqueue(pod: KubeObject, podIP: string, running: Running): void {
    this.queue.push(() => void this.start(pod, podIP, running));
    this.pump();
  }

  /** Graceful deletion: the process group gets SIGTERM, then SIGKILL; resolves once it ended. */
  async terminate(pod: KubeObject, graceMs: number): Promise<void> {
    const running = this.pods.get(podKey(pod));
    if (!running) return;
    running.deleting = true;
    const child = running.child;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      signal(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && signal(child.pid, 'SIGKILL'), graceMs);
      await running.exited;
      clearTimeout(timer);
    } else if (!child) running.markExited();
    if (running.launch) rmSync(running.launch.scratch, { recursive: true, force: true });
    this.pods.delete(podKey(pod));
  }

  async dispose(): Promise<void> {
    this.queue.length = 0;
    await Promise.all(
      [...this.pods.entries()].map(([id]) => {
        const [namespace = '', name = ''] = id.split('/');
        return this.terminate({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } }, 2_000);
      }),
    );
  }

  private pump(): void {
    while (this.starting < PARALLEL_STARTS && this.queue.length > 0) {
      this.starting += 1;
      this.queue.shift()?.();
    }
  }

  private async start(pod: KubeObject, podIP: string, running: Running): Promise<void> {
    const done = () => {
      this.starting -= 1;
      this.pump();
    };
    if (running.deleting) {
      done();
      running.markExited();
      return;
    }
    let launch: PodLaunch;
    try {
      launch = planLaunch(
        pod,
        podIP,
        (name) =>
          this.store.get(SECRETS, pod.metadata.namespace, name)?.data as Record<string, string> | undefined,
      );
    } catch (error) {
      done();
      if (!(error instanceof LaunchError)) throw error;
      this.setStatus(pod, { containerState: { waiting: { reason: error.reason, message: error.message } } });
      // The kubelet retries a missing Secret until it exists or the pod is deleted.
      if (error.reason === 'CreateContainerConfigError')
        setTimeout(() => this.retry(pod, podIP, running), 300);
      else running.markExited();
      return;
    }
    running.launch = launch;
    const child = startProcess(this.bundle, launch);
    running.child = child;
    const startedAt = new Date().toISOString();
    this.setStatus(pod, { phase: 'Running', containerState: { running: { startedAt } } });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const before = output;
      output += chunk.toString('utf8');
      if (!before.includes('\n') && output.includes('"wsUrl"') && output.includes('\n'))
        void answers(podIP, launch.port).then((ok) => {
          done();
          if (ok && !running.deleting)
            this.setStatus(pod, { ready: true, containerState: { running: { startedAt } } });
        });
    });
    // What the container said last, as a kubelet keeps it for the pod's termination message.
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    child.once('exit', (code, sig) => {
      if (!output.includes('\n')) done();
      running.markExited();
      if (running.deleting) return;
      this.setStatus(pod, {
        phase: code === 0 ? 'Succeeded' : 'Failed',
        containerState: {
          terminated: { exitCode: code ?? 137, reason: sig ? 'Error' : 'Completed', message: stderr.trim() },
        },
      });
    });
  }

  private retry(pod: KubeObject, podIP: string, running: Running): void {
    if (running.deleting) return running.markExited();
    this.enqueue(pod, podIP, running);
  }

  private setStatus(
    pod: KubeObject,
    change: {
      phase?: string;
      podIP?: string;
      ready?: boolean;
      conditions?: object[];
      containerState?: object;
    },
  ): void {
    this.store.modify(PODS, pod.metadata.namespace, pod.metadata.name, (current) => {
      const status = (current.status ?? {}) as Record<string, unknown>;
      if (change.phase) status.phase = change.phase;
      if (change.podIP)
        Object.assign(status, { podIP: change.podIP, podIPs: [{ ip: change.podIP }], hostIP: '127.0.0.1' });
      const ready = change.ready ?? false;
      status.conditions = [
        ...condition('PodScheduled', true),
        ...condition('Initialized', true),
        ...condition('ContainersReady', ready),
        ...condition('Ready', ready),
      ];
      if (change.containerState) {
        const name = (current.spec as { containers: { name: string; image?: string }[] }).containers[0];
        status.containerStatuses = [
          {
            name: name?.name,
            image: name?.image,
            ready,
            restartCount: 0,
            started: 'running' in change.containerState,
            state: change.containerState,
          },
        ];
      }
      current.status = status;
    });
  }
}

function condition(type: string, value: boolean): object[] {
  return [{ type, status: value ? 'True' : 'False', lastTransitionTime: new Date().toISOString() }];
}

function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    // Already gone.
  }
}

/** The readiness probe: a TCP connection to the container port. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

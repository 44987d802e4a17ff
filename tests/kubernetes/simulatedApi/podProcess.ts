/**
 * What the simulated kubelet does to start one container: turn the pod spec's arguments, mounted
 * Secret and HOME volume into a real terminal-server process on a loopback address of the pod's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeObject } from './store';

interface Mount {
  name: string;
  mountPath: string;
}
interface ContainerSpec {
  name: string;
  args?: string[];
  env?: { name: string; value?: string }[];
  volumeMounts?: Mount[];
  workingDir?: string;
}
interface VolumeSpec {
  name: string;
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  emptyDir?: object;
}

export interface PodLaunch {
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly port: number;
  /** Removed when the pod is gone (emptyDir volumes, the projected Secret). */
  readonly scratch: string;
  hostPathOf(inPod: string): string;
}

export class LaunchError extends Error {
  constructor(
    readonly reason: 'CreateContainerConfigError' | 'RunContainerError',
    message: string,
  ) {
    super(message);
  }
}

/** `getSecret` answers the Secret's data (base64 values) or undefined when it does not exist yet. */
export function planLaunch(
  pod: KubeObject,
  podIP: string,
  getSecret: (name: string) => Record<string, string> | undefined,
): PodLaunch {
  const spec = pod.spec as { containers: ContainerSpec[]; volumes?: VolumeSpec[] };
  const container = spec.containers[0];
  if (!container) throw new LaunchError('RunContainerError', 'the pod has no container');
  const args = [...(container.args ?? [])];
  if (args[0] !== 'terminals')
    throw new LaunchError('RunContainerError', 'this simulated kubelet runs only `terminals` containers');
  const scratch = mkdtempSync(path.join(os.tmpdir(), `rw-pod-${pod.metadata.name}-`));
  const volumes = new Map<string, string>();
  for (const volume of spec.volumes ?? []) {
    const dir = path.join(scratch, volume.name);
    mkdirSync(dir);
    if (volume.secret) {
      const data = getSecret(volume.secret.secretName);
      if (!data)
        throw new LaunchError('CreateContainerConfigError', `secret "${volume.secret.secretName}" not found`);
      const items = volume.secret.items ?? Object.keys(data).map((key) => ({ key, path: key }));
      for (const item of items)
        writeFileSync(path.join(dir, item.path), Buffer.from(data[item.key] ?? '', 'base64'));
    }
    volumes.set(volume.name, dir);
  }
  const toLocal = (inPod: string) => {
    for (const mount of container.volumeMounts ?? []) {
      const dir = volumes.get(mount.name);
      if (dir && (inPod === mount.mountPath || inPod.startsWith(`${mount.mountPath}/`)))
        return path.join(dir, inPod.slice(mount.mountPath.length));
    }
    throw new LaunchError('RunContainerError', `${inPod} is on the read-only root file system of the image`);
  };
  const rewrite = (flag: string, value: (old: string) => string) => {
    const index = args.indexOf(flag);
    if (index >= 0 && args[index + 1] !== undefined) args[index + 1] = value(args[index + 1] ?? '');
  };
  rewrite('--host', () => podIP);
  rewrite('--token-file', toLocal);
  rewrite('--audience-token-file', toLocal);
  const portIndex = args.indexOf('--port');
  const port = Number(args[portIndex + 1]);
  if (portIndex < 0 || !Number.isInteger(port) || port <= 0)
    throw new LaunchError('RunContainerError', 'the container names no --port');

  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LANG: 'C.UTF-8', TERM: 'xterm-256color' };
  for (const variable of container.env ?? [])
    if (variable.value !== undefined) env[variable.name] = variable.value;
  const home = env.HOME === undefined ? scratch : toLocal(env.HOME);
  env.HOME = home;
  // The image's HOME starts with an empty rc (never the machine's: root's pyenv init hangs shells).
  writeFileSync(path.join(home, '.bashrc'), '');
  const cwd = container.workingDir === undefined ? home : toLocal(container.workingDir);
  return { args, env, cwd, port, scratch, hostPathOf: toLocal };
}

/** The container's process, in a process group of its own so that one signal ends its shells too. */
export function startProcess(bundle: string, launch: PodLaunch): ChildProcess {
  return spawn(process.execPath, ['--max-semi-space-size=2', '--optimize-for-size', bundle, ...launch.args], {
    cwd: launch.cwd,
    env: launch.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

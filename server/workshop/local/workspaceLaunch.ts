/**
 * How one seat's workspace is started: prlimit's limits, then (with the sandbox) bwrap's view of
 * the machine for that seat, the environment made from nothing, and the seat's own user when the
 * server runs as root.
 */
import os from 'node:os';
import path from 'node:path';
import { PRLIMIT, prlimitArguments, workspaceUid } from './limits';
import type { LocalProviderOptions } from './localProvider';
import { BWRAP, KUBECONFIG_PATH, sandboxArguments } from './sandbox';
import { copySeatKubeconfig, writeSeatIdentity } from './seatUser';
import { workspaceEnvironment } from './workspaceEnvironment';
import type { WorkspaceLaunch } from './workspaceProcess';

export function workspaceLaunch(
  options: LocalProviderOptions,
  seat: number,
  home: string,
  displayName: string,
): WorkspaceLaunch {
  const uid = options.userPerSeat ? workspaceUid(seat) : undefined;
  const identities = path.join(options.dataDir, 'identities');
  const source = options.kubeconfigFor?.(seat);
  const kubeconfig = source && copySeatKubeconfig(identities, seat, source, uid);
  const wrapper = [PRLIMIT, ...prlimitArguments(options.limits, options.userPerSeat)];
  if (options.sandbox) {
    const layout = {
      home,
      dataDir: options.dataDir,
      serverHome: os.homedir(),
      projectRoot: options.projectRoot,
      kubeconfig,
      identity: uid === undefined ? undefined : writeSeatIdentity(identities, uid, home),
    };
    wrapper.push(BWRAP, ...sandboxArguments(layout));
  }
  return {
    wrapper,
    command: options.command,
    home,
    env: workspaceEnvironment({
      home,
      displayName,
      kubeconfig: kubeconfig && (options.sandbox ? KUBECONFIG_PATH : kubeconfig),
    }),
    uid,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
  };
}

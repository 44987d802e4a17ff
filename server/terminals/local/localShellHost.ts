/**
 * The ShellHost of this machine: bash in node-pty with our rc file (the step marks), a step's block
 * staged in the private steps directory, each shell recorded so that a restarted server ends what
 * a killed one left, and all of it removed when the shell ends.
 */
import type { Logger } from '../../log';
import type { LaunchRequest, LaunchResult, ShellHost, ShellProcess } from '../core/shellHost';
import type { ResolvedLocalOptions } from './options';
import { OrphanRegistry } from './orphans';
import { spawnPty, type PtyShell } from './ptyProcess';
import { type ShellIntegration, StagedSteps, integrationEnv, shellArgs } from './shellIntegration';

export class LocalShellHost implements ShellHost {
  private readonly registry: OrphanRegistry;
  /** Live shells by terminal name (tests and logs ask for a pid; the protocol never carries one). */
  private readonly pids = new Map<string, number>();

  constructor(
    private readonly options: ResolvedLocalOptions,
    private readonly integration: ShellIntegration,
    log: Logger,
  ) {
    this.registry = new OrphanRegistry(options.stateDir, (message) => log.warn(message));
  }

  launch(request: LaunchRequest): Promise<LaunchResult> {
    let child: PtyShell;
    try {
      child = spawnPty({
        file: this.options.shell,
        args: shellArgs(this.integration),
        cwd: this.options.cwd,
        env: { ...this.options.env, ...integrationEnv(this.integration, request.nonce) },
        cols: request.cols,
        rows: request.rows,
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return Promise.resolve({
        ok: false,
        message: `${this.options.shell} could not start in ${this.options.cwd}: ${why}`,
      });
    }
    this.registry.add(request.name, child.pid, child.startTime);
    this.pids.set(request.name, child.pid);
    return Promise.resolve({ ok: true, shell: this.adopt(request.name, child) });
  }

  shellPid(name: string): number | undefined {
    return this.pids.get(name);
  }

  dispose(): Promise<void> {
    this.registry.dispose();
    return Promise.resolve();
  }

  private adopt(name: string, child: PtyShell): ShellProcess {
    let ending: Promise<void> | undefined;
    const staged = new StagedSteps(this.integration);
    const cleanUp = async () => {
      await child.terminate();
      staged.forget(child.pid);
      this.registry.remove(child.pid);
      if (this.pids.get(name) === child.pid) this.pids.delete(name);
    };
    return {
      write: (data) => child.write(data),
      resize: (cols, rows) => child.resize(cols, rows),
      pause: () => child.pause(),
      resume: () => child.resume(),
      onData: (listener) => child.onData(listener),
      onExit: (listener) => child.onExit(listener),
      stageStep: (block) => staged.stage(block),
      signalForeground: (signal) => child.signalForeground(signal),
      waitsForInput: () => child.waitsForInput(),
      terminate: () => (ending ??= cleanUp()),
    };
  }
}

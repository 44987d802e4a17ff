/**
 * One terminal of the hub, made: a shell spawned with the shell integration, its session (output,
 * replay, flow control), its step runner and its lifetime (grace, idle), wired to the hub that keeps
 * it. The hub decides names, limits and who may do what; this only builds and connects the parts.
 */
import { randomBytes } from 'node:crypto';
import type { ServerMessage } from '../../src/protocol/messages';
import { Lifetime } from './lifetime';
import type { ResolvedOptions } from './options';
import type { OrphanRegistry } from './orphans';
import { type ShellIntegration, integrationEnv, shellArgs, stageStep } from './shellIntegration';
import { StepRunner } from './stepRunner';
import type { ProcessExit } from './terminalProcess';
import { TerminalSession } from './terminalSession';

export interface Terminal {
  session: TerminalSession;
  steps: StepRunner;
  lifetime: Lifetime;
  /** Set for a terminal that runs a background step of another. */
  background?: { parent: string; stepId: string };
  backgroundCount: number;
  exited: Promise<void>;
  ending?: Promise<void>;
}

/** What a terminal needs from its hub. */
export interface TerminalWiring {
  options: ResolvedOptions;
  integration: ShellIntegration;
  registry: OrphanRegistry;
  /** A step's news, to whoever should see it. */
  deliver(terminal: Terminal, message: ServerMessage): void;
  exited(terminal: Terminal, exit: ProcessExit): void;
  end(terminal: Terminal, reason: string): void;
}

export function spawnTerminal(
  wiring: TerminalWiring,
  name: string,
  cols: number,
  rows: number,
  background?: Terminal['background'],
): Terminal {
  const nonce = randomBytes(16).toString('hex');
  const process = wiring.options.spawn({
    file: wiring.options.shell,
    args: shellArgs(wiring.integration),
    cwd: wiring.options.cwd,
    env: { ...wiring.options.env, ...integrationEnv(wiring.integration, nonce) },
    cols,
    rows,
  });
  wiring.registry.add(name, process.pid, process.startTime);
  let markExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => (markExited = resolve));
  const session: TerminalSession = new TerminalSession({
    name,
    process,
    nonce,
    cols,
    rows,
    scrollbackUnits: wiring.options.scrollbackUnits,
    snapshotRows: wiring.options.snapshotRows,
    onMark: (mark) => terminal.steps.mark(mark),
    onExit: (exit) => {
      wiring.exited(terminal, exit);
      markExited();
    },
    onActivity: () => terminal.lifetime.activity(),
  });
  const terminal: Terminal = {
    session,
    steps: new StepRunner(session, {
      ...(background ? { parent: background.parent } : {}),
      stage: (id, command) => stageStep(wiring.integration, id, command),
      emit: (message) => wiring.deliver(terminal, message),
      changed: (running, finished) => {
        terminal.lifetime.stepChanged(running);
        if (terminal.background && finished === 'interrupted')
          wiring.end(terminal, 'background step stopped');
      },
    }),
    lifetime: new Lifetime(wiring.options.graceMs, wiring.options.idleMs, (reason) => {
      wiring.options.log.info(`terminal ${name}: closed after its ${reason} time ran out`);
      wiring.end(terminal, reason);
    }),
    backgroundCount: 0,
    exited,
    ...(background ? { background } : {}),
  };
  return terminal;
}

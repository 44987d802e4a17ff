/**
 * The TerminalHub over local shells: names to terminals, who may do what, background steps in
 * terminals of their own, and the end of every terminal (close, grace, idle, exit, dispose).
 */
import type { AttachMessage, RunMessage, ServerMessage, TerminalSummary } from '../../src/protocol/messages';
import { HubError, type TerminalClient, type TerminalHub } from '../hub';
import type { ResolvedOptions } from './options';
import { OrphanRegistry } from './orphans';
import { type ShellIntegration, forgetShell } from './shellIntegration';
import { type Terminal, type TerminalWiring, spawnTerminal } from './spawnTerminal';
import type { ProcessExit } from './terminalProcess';

const MAX_NAME = 48;

export class LocalTerminalHub implements TerminalHub {
  private readonly terminals = new Map<string, Terminal>();
  private readonly registry: OrphanRegistry;
  private readonly wiring: TerminalWiring;
  /** Terminals being ended: no longer listed, but dispose() still waits for them. */
  private readonly ending = new Set<Promise<void>>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly integration: ShellIntegration,
  ) {
    this.registry = new OrphanRegistry(options.stateDir, (message) => options.log.warn(message));
    this.wiring = {
      options,
      integration,
      registry: this.registry,
      deliver: (terminal, message) => this.deliver(terminal, message),
      exited: (terminal, exit) => this.exited(terminal, exit),
      end: (terminal, reason) => void this.end(terminal, reason),
    };
  }

  attach(client: TerminalClient, message: Omit<AttachMessage, 'type'>): void {
    const terminal =
      this.terminals.get(message.terminal) ?? this.create(message.terminal, message.cols, message.rows);
    const readOnly = client.readOnly || message.readOnly === true;
    if (!readOnly) terminal.session.resize(message.cols, message.rows);
    terminal.session.attach(client, readOnly, message.since);
    terminal.lifetime.clientsChanged(terminal.session.clientCount);
  }

  detach(client: TerminalClient, name: string): void {
    const terminal = this.terminals.get(name);
    if (terminal?.session.detach(client)) terminal.lifetime.clientsChanged(terminal.session.clientCount);
  }

  disconnect(client: TerminalClient): void {
    for (const name of this.terminals.keys()) this.detach(client, name);
  }

  input(client: TerminalClient, name: string, data: string): void {
    const terminal = this.writable(client, name);
    terminal.session.write(data);
    terminal.steps.input();
  }

  run(client: TerminalClient, message: Omit<RunMessage, 'type'>): void {
    const terminal = this.writable(client, message.terminal, message.stepId);
    if (message.background) this.runInBackground(terminal, message.stepId, message.command);
    else terminal.steps.run(message.stepId, message.command);
  }

  interrupt(client: TerminalClient, name: string, stepId?: string): void {
    const terminal = this.writable(client, name, stepId);
    if (stepId === undefined || terminal.steps.currentStepId === stepId) {
      terminal.steps.interrupt();
      return;
    }
    // Not found: the step has just ended by itself, which is what was asked for.
    this.backgroundStep(name, stepId)?.steps.interrupt();
  }

  resize(client: TerminalClient, name: string, cols: number, rows: number): void {
    this.writable(client, name).session.resize(cols, rows);
  }

  ack(client: TerminalClient, name: string, units: number): void {
    // Acks race with a terminal's end (the screen catches up after `exit`): nothing is owed then.
    this.terminals.get(name)?.session.ack(client, units);
  }

  close(client: TerminalClient, name: string): void {
    const terminal = this.known(name);
    const attachment = terminal.session.attachmentOf(client);
    if (client.readOnly || attachment?.readOnly) throw readOnlyError(name);
    void this.end(terminal, 'closed');
  }

  list(): TerminalSummary[] {
    return [...this.terminals.values()].map((t) => ({
      ...t.session.summary(t.steps.currentStepId),
      ...(t.background ? { parent: t.background.parent } : {}),
    }));
  }

  /** The process id of a terminal's shell on this machine (tests, logs); never sent to a page. */
  shellPid(name: string): number | undefined {
    return this.terminals.get(name)?.session.process.pid;
  }

  async dispose(): Promise<void> {
    for (const terminal of this.terminals.values()) void this.end(terminal, 'server stopping');
    while (this.ending.size > 0) await Promise.all(this.ending);
    this.registry.dispose();
  }

  private known(name: string): Terminal {
    const terminal = this.terminals.get(name);
    if (!terminal)
      throw new HubError('unknown-terminal', `There is no terminal named ${name}; attach to it first.`, name);
    return terminal;
  }

  private writable(client: TerminalClient, name: string, stepId?: string): Terminal {
    const terminal = this.known(name);
    const attachment = terminal.session.attachmentOf(client);
    if (!attachment) {
      throw new HubError(
        'unknown-terminal',
        `This page is not attached to terminal ${name}; attach to it first.`,
        name,
        stepId,
      );
    }
    if (client.readOnly || attachment.readOnly) throw readOnlyError(name, stepId);
    return terminal;
  }

  private create(name: string, cols: number, rows: number, background?: Terminal['background']): Terminal {
    if (this.terminals.size >= this.options.maxTerminals) {
      throw new HubError(
        'too-many-terminals',
        `This server already runs ${this.options.maxTerminals} terminals, its limit: close one, or restart it with a higher --max-terminals.`,
        name,
      );
    }
    const terminal = spawnTerminal(this.wiring, name, cols, rows, background);
    this.terminals.set(name, terminal);
    return terminal;
  }

  private runInBackground(parent: Terminal, stepId: string, command: string): void {
    const running = this.backgroundStep(parent.session.name, stepId);
    if (running) {
      throw new HubError(
        'busy',
        `Step ${stepId} already runs in terminal ${running.session.name}; stop it first.`,
        parent.session.name,
        stepId,
      );
    }
    let name: string;
    do {
      const suffix = `.bg-${(parent.backgroundCount += 1)}`;
      name = parent.session.name.slice(0, MAX_NAME - suffix.length) + suffix;
    } while (this.terminals.has(name));
    const terminal = this.create(name, parent.session.cols, parent.session.rows, {
      parent: parent.session.name,
      stepId,
    });
    terminal.steps.run(stepId, command);
  }

  private backgroundStep(parent: string, stepId: string): Terminal | undefined {
    return [...this.terminals.values()].find(
      (t) =>
        t.background?.parent === parent && t.background.stepId === stepId && t.steps.currentStepId === stepId,
    );
  }

  /** A background step's news goes to those watching it and to those watching where it was started. */
  private deliver(terminal: Terminal, message: ServerMessage): void {
    const parent = terminal.background ? this.terminals.get(terminal.background.parent) : undefined;
    const seen = new Set<string>();
    for (const session of parent ? [terminal.session, parent.session] : [terminal.session]) {
      session.flushOutput();
      for (const client of session.clients()) {
        if (seen.has(client.id)) continue;
        seen.add(client.id);
        client.send(message);
      }
    }
  }

  private exited(terminal: Terminal, exit: ProcessExit): void {
    terminal.steps.shellExited(exit.code);
    this.deliver(terminal, { type: 'exit', terminal: terminal.session.name, code: exit.code });
    void this.end(terminal, 'shell exited');
  }

  /** Ends the shell's whole session and forgets the terminal (and its background terminals). */
  private end(terminal: Terminal, reason: string): Promise<void> {
    if (terminal.ending) return terminal.ending;
    let ended: () => void = () => {};
    const ending = new Promise<void>((resolve) => (ended = resolve));
    // Set before anything runs: ending a step below may ask to end this terminal again.
    terminal.ending = ending;
    this.ending.add(ending);
    void this.endSession(terminal, reason)
      .catch((error: unknown) =>
        this.options.log.error(`terminal ${terminal.session.name}: could not end it`, error),
      )
      .finally(() => {
        this.ending.delete(ending);
        ended();
      });
    return ending;
  }

  private async endSession(terminal: Terminal, reason: string): Promise<void> {
    const name = terminal.session.name;
    if (this.terminals.get(name) === terminal) this.terminals.delete(name);
    terminal.lifetime.dispose();
    terminal.steps.abandon();
    const children = [...this.terminals.values()].filter((t) => t.background?.parent === name);
    await Promise.all([
      ...children.map((child) => this.end(child, `${name} ended`)),
      terminal.session.process.terminate(),
    ]);
    // The exit event (and the `exit` message it sends) follows the shell's death shortly.
    await Promise.race([terminal.exited, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    terminal.session.dispose();
    forgetShell(this.integration, terminal.session.process.pid);
    this.registry.remove(terminal.session.process.pid);
    this.options.log.info(`terminal ${name} ended (${reason})`);
  }
}

function readOnlyError(name: string, stepId?: string): HubError {
  return new HubError(
    'read-only',
    `This page may only watch terminal ${name}; it cannot type, run, stop or close.`,
    name,
    stepId,
  );
}

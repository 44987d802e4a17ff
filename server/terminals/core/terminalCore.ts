/**
 * The TerminalHub of the terminal core, over whatever ShellHost runs the shells: names to
 * terminals, who may do what, background steps in terminals of their own, and the end of every
 * terminal (close, grace, idle, exit, dispose).
 */
import type {
  AttachMessage,
  RunMessage,
  ServerMessage,
  TerminalSummary,
} from '../../../src/protocol/messages';
import { HubError, type TerminalClient, type TerminalHub } from '../../hub';
import { backgroundName, backgroundStepOf } from './backgroundSteps';
import type { ResolvedCoreOptions } from './options';
import type { ProcessExit, ShellHost } from './shellHost';
import { type BackgroundOf, Terminal, type TerminalWiring } from './terminal';

/** How long an ended terminal waits for its shell's exit event (and the `exit` message it sends). */
const EXIT_WAIT_MS = 1_000;

export class TerminalCore implements TerminalHub {
  private readonly terminals = new Map<string, Terminal>();
  private readonly wiring: TerminalWiring;
  /** Terminals being ended: no longer listed, but dispose() still waits for them. */
  private readonly ending = new Set<Promise<void>>();

  constructor(
    private readonly options: ResolvedCoreOptions,
    private readonly host: ShellHost,
  ) {
    this.wiring = {
      options,
      host,
      deliver: (terminal, message) => this.deliver(terminal, message),
      exited: (terminal, exit) => this.exited(terminal, exit),
      end: (terminal, reason) => void this.end(terminal, reason),
    };
  }

  attach(client: TerminalClient, message: Omit<AttachMessage, 'type'>): void {
    const access = client.access === 'watch' || message.readOnly === true ? 'watch' : 'write';
    let terminal = this.terminals.get(message.terminal);
    if (!terminal) {
      // Watching never starts a shell: an audience token must not get a prompt of its own.
      if (client.access === 'watch') {
        throw new HubError(
          'unknown-terminal',
          `There is no terminal named ${message.terminal}; this connection may only watch, and watching starts no shell.`,
          message.terminal,
        );
      }
      terminal = this.create(message.terminal, message.cols, message.rows);
    }
    if (access === 'write') terminal.resize(message.cols, message.rows);
    terminal.stream.attach(client, access, message.since, terminal);
    terminal.lifetime.clientsChanged(terminal.stream.clientCount);
  }

  detach(client: TerminalClient, name: string): void {
    const terminal = this.terminals.get(name);
    if (terminal?.stream.detach(client)) terminal.lifetime.clientsChanged(terminal.stream.clientCount);
  }

  disconnect(client: TerminalClient): void {
    for (const name of this.terminals.keys()) this.detach(client, name);
  }

  input(client: TerminalClient, name: string, data: string): void {
    const terminal = this.writable(client, name);
    terminal.keys(data);
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
    backgroundStepOf(this.terminals.values(), name, stepId)?.steps.interrupt();
  }

  resize(client: TerminalClient, name: string, cols: number, rows: number): void {
    this.writable(client, name).resize(cols, rows);
  }

  ack(client: TerminalClient, name: string, units: number): void {
    // Acks race with a terminal's end (the screen catches up after `exit`): nothing is owed then.
    this.terminals.get(name)?.stream.ack(client, units);
  }

  close(client: TerminalClient, name: string): void {
    const terminal = this.known(name);
    if (client.access === 'watch' || terminal.stream.accessOf(client) === 'watch') throw readOnlyError(name);
    void this.end(terminal, 'closed');
  }

  list(): TerminalSummary[] {
    return [...this.terminals.values()].map((terminal) => terminal.summary());
  }

  async dispose(): Promise<void> {
    for (const terminal of this.terminals.values()) void this.end(terminal, 'server stopping');
    while (this.ending.size > 0) await Promise.all(this.ending);
    await this.host.dispose();
  }

  private known(name: string): Terminal {
    const terminal = this.terminals.get(name);
    if (!terminal)
      throw new HubError('unknown-terminal', `There is no terminal named ${name}; attach to it first.`, name);
    return terminal;
  }

  private writable(client: TerminalClient, name: string, stepId?: string): Terminal {
    const terminal = this.known(name);
    const access = terminal.stream.accessOf(client);
    if (access === undefined) {
      throw new HubError(
        'unknown-terminal',
        `This page is not attached to terminal ${name}; attach to it first.`,
        name,
        stepId,
      );
    }
    if (client.access === 'watch' || access === 'watch') throw readOnlyError(name, stepId);
    return terminal;
  }

  private create(name: string, cols: number, rows: number, background?: BackgroundOf): Terminal {
    if (this.terminals.size >= this.options.maxTerminals) {
      throw new HubError(
        'too-many-terminals',
        `This server already runs ${this.options.maxTerminals} terminals, its limit: close one, or restart it with a higher --max-terminals.`,
        name,
      );
    }
    const terminal = new Terminal(this.wiring, name, cols, rows, background);
    this.terminals.set(name, terminal);
    return terminal;
  }

  private runInBackground(parent: Terminal, stepId: string, command: string): void {
    const running = backgroundStepOf(this.terminals.values(), parent.name, stepId);
    if (running) {
      throw new HubError(
        'busy',
        `Step ${stepId} already runs in terminal ${running.name}; stop it first.`,
        parent.name,
        stepId,
      );
    }
    const name = backgroundName(parent, (candidate) => this.terminals.has(candidate));
    const terminal = this.create(name, parent.cols, parent.rows, { parent: parent.name, stepId });
    terminal.steps.run(stepId, command);
  }

  /** A background step's news goes to those watching it and to those watching where it was started. */
  private deliver(terminal: Terminal, message: ServerMessage): void {
    const parent = terminal.background ? this.terminals.get(terminal.background.parent) : undefined;
    const seen = new Set<string>();
    for (const { stream } of parent ? [terminal, parent] : [terminal]) {
      stream.flush();
      for (const client of stream.clients()) {
        if (seen.has(client.id)) continue;
        seen.add(client.id);
        client.send(message);
      }
    }
  }

  private exited(terminal: Terminal, exit: ProcessExit): void {
    terminal.steps.shellExited(exit.code);
    this.deliver(terminal, { type: 'exit', terminal: terminal.name, code: exit.code });
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
    void this.endTerminal(terminal, reason)
      .catch((error: unknown) => this.options.log.error(`terminal ${terminal.name}: could not end it`, error))
      .finally(() => {
        this.ending.delete(ending);
        ended();
      });
    return ending;
  }

  private async endTerminal(terminal: Terminal, reason: string): Promise<void> {
    const name = terminal.name;
    if (this.terminals.get(name) === terminal) this.terminals.delete(name);
    terminal.lifetime.dispose();
    terminal.steps.abandon();
    const children = [...this.terminals.values()].filter((t) => t.background?.parent === name);
    await Promise.all([...children.map((child) => this.end(child, `${name} ended`)), terminal.terminate()]);
    // The exit event (and the `exit` message it sends) follows the shell's death shortly.
    await Promise.race([terminal.exited, new Promise((resolve) => setTimeout(resolve, EXIT_WAIT_MS))]);
    terminal.dispose();
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

/**
 * Everything the page's runner shares, created once per page on first use in the browser: the one
 * connection, the step states, the dock. React reads these through hooks (`useRuntime.ts`);
 * nothing here runs during the static build.
 */
import {
  assertNever,
  type ErrorMessage,
  type ServerMessage,
  type StepMessage,
  type WorkspaceMessage,
} from '../protocol/messages';
import { TerminalConnection, type ConnectionState } from './connection';
import { DisposableStore, Emitter, toDisposable, type Disposable } from '../protocol/disposable';
import { DockStore } from './dockState';
import {
  ENDPOINT_STORAGE_KEY,
  captureLaunchParams,
  isAudienceView,
  isFollowing,
  storedEndpoint,
} from './launch';
import { prefetchTerminal } from './loadTerminal';
import { effectsOf, type Busy, type Effect, type PageFacts } from './serverMessages';
import { StepStates, isFinal } from './stepStates';
import { StepOutputs } from './stepOutputs';
import { Store } from './store';
import type { TerminalSize } from './terminalChannel';
import { estimateTerminalSize } from './terminalSize';
import { VariableStore } from './variables';

export interface RunAllProgress {
  targetStepId: string;
  stepIds: readonly string[];
  /** Steps finished so far. */
  done: number;
  current?: string;
  /** The step that failed and stopped the run, if one did. */
  stoppedAt?: string;
}

export type RunnerError = { code: ErrorMessage['code'] | 'offline' | 'timeout'; message: string };

export class Runtime implements Disposable {
  readonly connection: TerminalConnection;
  readonly connectionState: Store<ConnectionState>;
  readonly steps: StepStates;
  readonly dock = new DockStore();
  /** Which step holds each terminal's foreground, as far as we know. */
  readonly busy = new Store<Busy>({});
  readonly variables = new VariableStore();
  readonly outputs = new StepOutputs();
  /** The "run all to here" in progress, if any: one at a time per page. */
  readonly runAll = new Store<RunAllProgress | null>(null);
  /** In a hosted workshop, the router's latest word on a workspace still starting (or failed to). */
  readonly workspace = new Store<WorkspaceMessage | null>(null);
  /** Server refusals, for the step (or terminal) they concern. */
  readonly errors = new Emitter<ErrorMessage>();
  /** Whether a server was ever configured for this browser (a start URL was opened). */
  readonly hasEndpoint: boolean;
  private readonly subscriptions = new DisposableStore();

  constructor() {
    const endpoint = captureLaunchParams();
    this.hasEndpoint = endpoint !== null;
    this.steps = new StepStates(true);
    this.connection = new TerminalConnection({
      // A tab following the presenter keeps its own endpoint; every other tab takes the stored one.
      endpoint: () =>
        isFollowing(window.location) ? endpoint : (storedEndpoint(window.localStorage) ?? endpoint),
      // The audience's view of a deck only watches, from its very first attachment.
      access: isAudienceView(window.location.search) ? 'watch' : 'write',
    });
    this.connectionState = new Store(this.connection.state);
    this.subscriptions.add(this.connection.onState((state) => this.connectionState.set(state)));
    this.subscriptions.add(
      this.connection.onMessage((message) => {
        for (const effect of effectsOf(message, this.facts())) this.apply(effect);
      }),
    );
    const onStorage = (event: StorageEvent) => {
      // A start URL opened in another tab stored a new token: try it now rather than at the next retry.
      if (event.key === ENDPOINT_STORAGE_KEY) this.connection.connect();
    };
    window.addEventListener('storage', onStorage);
    this.subscriptions.add(toDisposable(() => window.removeEventListener('storage', onStorage)));
    this.connection.connect();
    const prefetch = this.connection.onState((state) => {
      if (state !== 'connected') return;
      prefetch.dispose();
      prefetchTerminal();
    });
    this.subscriptions.add(prefetch);
  }

  /** Opens the terminal's tab and resolves once the server has attached it (its view attaches). */
  openTerminal(name: string, reveal = true): Promise<RunnerError | null> {
    if (this.connection.state !== 'connected') {
      return Promise.resolve({ code: 'offline', message: 'The terminal server is not connected.' });
    }
    const alreadyAttached = this.connection.isAttaching(name);
    // Attached now rather than once its screen exists: the shell starts while xterm loads.
    if (!alreadyAttached) this.connection.attachAhead(name, this.estimatedSize());
    this.dock.open({ kind: 'server', name }, { reveal });
    if (alreadyAttached) return Promise.resolve(null);
    return this.waitFor(
      (message) =>
        (message.type === 'attached' && message.terminal === name) ||
        (message.type === 'error' && message.terminal === name),
      20_000,
    ).then((message) => {
      if (!message) return { code: 'timeout', message: `Terminal "${name}" did not open within 20 s.` };
      if (message.type === 'error') return { code: message.code, message: message.message };
      return null;
    });
  }

  /** What the dock's terminal will measure, before xterm exists to fit it. */
  private estimatedSize(): TerminalSize {
    const { height, fontSize } = this.dock.get();
    // innerWidth, not the root's clientWidth: reading a layout size here would force a layout inside the click.
    return estimateTerminalSize(window.innerWidth, height, fontSize);
  }

  /** Resolves with the step's final message, or null if the page gave up waiting. */
  waitForStepEnd(stepId: string, timeoutMs = 24 * 60 * 60 * 1000): Promise<StepMessage | null> {
    return this.waitFor(
      (message) => message.type === 'step' && message.stepId === stepId && isFinal(message.state),
      timeoutMs,
    ) as Promise<StepMessage | null>;
  }

  waitFor(matches: (message: ServerMessage) => boolean, timeoutMs: number): Promise<ServerMessage | null> {
    return new Promise((resolve) => {
      const subscription = this.connection.onMessage((message) => {
        if (!matches(message)) return;
        finish(message);
      });
      const timer = setTimeout(() => finish(null), timeoutMs);
      function finish(result: ServerMessage | null) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(result);
      }
    });
  }

  dispose(): void {
    this.subscriptions.dispose();
    this.connection.dispose();
  }

  /** What the page knows now, for deciding what a server message changes (serverMessages.ts). */
  private facts(): PageFacts {
    return {
      busy: this.busy.get(),
      steps: this.steps.get(),
      openTabs: this.dock.get().tabs.map((tab) => tab.name),
      savedTabs: this.dock.savedServerTabs,
    };
  }

  private apply(effect: Effect): void {
    switch (effect.type) {
      case 'busy':
        return this.busy.set(effect.busy);
      case 'step-running':
        return this.steps.put(effect.stepId, { state: 'running', terminal: effect.terminal });
      case 'step':
        return this.steps.apply(effect.message);
      case 'output-restarts':
        return this.outputs.started(effect.stepId);
      case 'capture':
        return this.outputs.capture(effect.stepId, effect.message);
      case 'open-tab':
        return this.dock.open({ kind: 'server', name: effect.terminal }, { reveal: false });
      case 'tab-ended':
        return this.dock.markEnded(effect.terminal);
      case 'error':
        return this.errors.emit(effect.message);
      case 'workspace':
        return this.workspace.set(effect.message);
      default:
        return assertNever(effect);
    }
  }
}

let runtime: Runtime | null = null;

/** The page's runtime, created on first call; only ever call it in the browser (effects, handlers). */
export function getRuntime(): Runtime {
  runtime ??= new Runtime();
  return runtime;
}

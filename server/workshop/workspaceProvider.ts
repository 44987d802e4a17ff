/**
 * The scale-out seam of hosted workshops (JupyterHub's Spawner): one attendee, one workspace, a
 * whole terminal server of ours running for that attendee alone. `local` (a sandboxed child
 * process on this machine) and `kubernetes` (a pod in the attendee's namespace) implement it;
 * nothing above it (portal, router, dashboard, lifetimes) knows which one serves.
 */

/** Whose workspace: ids the workshop server made, never anything a page chose. */
export interface WorkspaceOwner {
  readonly workshopId: string;
  /** Opaque and url-safe (`[a-z0-9-]{1,40}`): it names files, namespaces and labels. */
  readonly attendeeId: string;
  /** What the attendee typed in "Your name"; shown to the instructor, never used as a name of anything. */
  readonly displayName: string;
}

export type WorkspaceState = 'starting' | 'ready' | 'stopped' | 'failed';

export interface Workspace {
  readonly owner: WorkspaceOwner;
  readonly state: WorkspaceState;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /** Why a failed workspace failed: a sentence an instructor can act on. */
  readonly failure?: string;
}

/**
 * Where the router reaches a workspace's terminal server. The token is the workspace's own and is
 * presented by the router only: the attendee's browser never sees it.
 */
export interface WorkspaceEndpoint {
  /** `ws://127.0.0.1:port/...`, a pod's address, or `ws+unix:/path/to/socket:/...`. */
  readonly url: string;
  readonly token: string;
  /** The Origin the workspace's terminal server accepts; the router sends it on the upgrade. */
  readonly origin: string;
}

export type EndpointAccess = 'full' | 'watch';

/** A failure is an answer, not an exception (VS Code's launch errors): the router turns it into a page. */
export type EndpointResult =
  | { readonly ok: true; readonly endpoint: WorkspaceEndpoint }
  | { readonly ok: false; readonly code: 'not-found' | 'failed' | 'timeout'; readonly message: string };

export interface EndpointOptions {
  readonly signal?: AbortSignal;
  readonly access?: EndpointAccess;
  /**
   * Called about once a second while the workspace is not ready yet (a pod being scheduled, its
   * image pulled), so the page can say "starting your workspace (n s)".
   */
  readonly onWaiting?: (waiting: { readonly elapsedMs: number; readonly detail: string }) => void;
}

export interface WorkspaceProvider {
  readonly kind: string;
  /** Makes the owner's workspace, or returns the one that exists (a second join, a restart). */
  create(owner: WorkspaceOwner): Promise<Workspace>;
  find(attendeeId: string): Promise<Workspace | undefined>;
  /** Every workspace this workshop owns, including those a previous server process started. */
  list(): Promise<Workspace[]>;
  /**
   * Waits until the workspace accepts connections (the router holds the attendee's first connection
   * meanwhile), restarting a stopped one. With `access: 'watch'` (the instructor watching, presenter
   * followers) the endpoint carries a token the workspace only lets watch, and a stopped workspace is
   * not started: watching never starts a process (`not-found` then).
   */
  endpoint(attendeeId: string, options?: EndpointOptions): Promise<EndpointResult>;
  /** Ends every process the workspace started; keeps its HOME (idle culling). */
  stop(attendeeId: string): Promise<void>;
  /** Ends it and removes what it owned (HOME, namespace): a reset, or the end of the workshop. */
  delete(attendeeId: string): Promise<void>;
  /** The server is going away: let go of handles, leave workspaces to be re-adopted or ended. */
  dispose(): Promise<void>;
  /**
   * The workshop is over: delete every workspace and whatever the provider keeps ready for joiners
   * (the kubernetes provider's warm pool lives in namespaces no attendee owns, which list() omits).
   */
  endWorkshop?(): Promise<void>;
}

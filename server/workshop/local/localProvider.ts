/**
 * The `local` provider: one terminal server per attendee on this machine, a child process in a
 * bubblewrap sandbox under per-attendee limits. Its table in the workshop database is the source of
 * truth across restarts: the seat (and so the user a workspace runs as) and the pid of what runs,
 * so a server started after a kill -9 ends what its predecessor left behind.
 */
import { rmSync } from 'node:fs';
import type { Logger } from '../../log';
import type { WorkshopDatabase } from '../state/database';
import type {
  EndpointOptions,
  EndpointResult,
  Workspace,
  WorkspaceEndpoint,
  WorkspaceOwner,
  WorkspaceProvider,
} from '../workspaceProvider';
import { workspaceUid, type WorkspaceLimits } from './limits';
import { seatCgroupsFor, type SeatCgroups } from './seatCgroups';
import { assertTraversable, homeOf, prepareHome } from './seatHomes';
import {
  endLeftover,
  endProcessGroup,
  startWorkspaceProcess,
  type RunningWorkspace,
  type TerminalServerCommand,
} from './workspaceProcess';
import { workspaceLaunch } from './workspaceLaunch';
import { reportingWait } from '../waitReports';

export interface LocalProviderOptions {
  readonly db: WorkshopDatabase;
  readonly dataDir: string;
  readonly projectRoot: string;
  readonly command: TerminalServerCommand;
  readonly sandbox: boolean;
  readonly limits: WorkspaceLimits;
  /** Run each workspace as a user of its own (the server must be root). */
  readonly userPerSeat: boolean;
  /** The kubeconfig of a seat, if the instructor gave any. */
  readonly kubeconfigFor?: (seat: number) => string | undefined;
  readonly startTimeoutMs?: number;
  readonly log: Logger;
  /** A cgroup per seat; found on this machine unless given (tests). */
  readonly cgroups?: SeatCgroups;
}

interface Row {
  seat: number;
  attendee_id: string;
  workshop_id: string;
  display_name: string;
  created_at: number;
  pid: number | null;
  start_time: number | null;
}

function endpointOf(running: RunningWorkspace, token: string): WorkspaceEndpoint {
  return { url: running.wsUrl, token, origin: new URL(running.wsUrl).origin.replace(/^ws/, 'http') };
}

export class LocalWorkspaceProvider implements WorkspaceProvider {
  readonly kind = 'local';
  private readonly running = new Map<string, RunningWorkspace>();
  private readonly starting = new Map<string, Promise<RunningWorkspace>>();
  private readonly failures = new Map<string, string>();

  private constructor(
    private readonly options: LocalProviderOptions,
    readonly cgroups: SeatCgroups,
  ) {}

  /** Ends whatever a previous server process recorded as running (or left in a seat's cgroup), then serves. */
  static async open(options: LocalProviderOptions): Promise<LocalWorkspaceProvider> {
    if (options.userPerSeat) assertTraversable(options.dataDir);
    const cgroups = options.cgroups ?? seatCgroupsFor(options.dataDir, options.limits);
    if (cgroups.warning) options.log.warn(cgroups.warning);
    const provider = new LocalWorkspaceProvider(options, cgroups);
    await provider.endLeftovers();
    return provider;
  }

  async create(owner: WorkspaceOwner): Promise<Workspace> {
    const { db } = this.options;
    db.prepare(
      `INSERT INTO local_workspaces (attendee_id, workshop_id, display_name, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT (attendee_id) DO NOTHING`,
    ).run(owner.attendeeId, owner.workshopId, owner.displayName, Date.now());
    const row = this.row(owner.attendeeId)!;
    this.prepareHome(row);
    return this.describe(row);
  }

  async find(attendeeId: string): Promise<Workspace | undefined> {
    const row = this.row(attendeeId);
    return row && this.describe(row);
  }

  async list(): Promise<Workspace[]> {
    const rows = this.options.db.prepare('SELECT * FROM local_workspaces ORDER BY seat').all() as Row[];
    return rows.map((row) => this.describe(row));
  }

  async endpoint(attendeeId: string, options: EndpointOptions = {}): Promise<EndpointResult> {
    const row = this.row(attendeeId);
    if (!row) return { ok: false, code: 'not-found', message: 'This attendee has no workspace.' };
    if (options.access === 'watch') {
      const running = this.running.get(attendeeId);
      if (!running) return { ok: false, code: 'not-found', message: 'This workspace is not running.' };
      return { ok: true, endpoint: endpointOf(running, running.audienceToken) };
    }
    try {
      const running = await reportingWait(
        this.ensureRunning(row),
        options.onWaiting,
        'starting your workspace (a sandboxed terminal server)',
      );
      if (options.signal?.aborted) return { ok: false, code: 'timeout', message: 'Gave up waiting.' };
      return { ok: true, endpoint: endpointOf(running, running.token) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.failures.set(attendeeId, message);
      return { ok: false, code: 'failed', message };
    }
  }

  async stop(attendeeId: string): Promise<void> {
    const pending = this.starting.get(attendeeId);
    if (pending) await pending.catch(() => undefined);
    const running = this.running.get(attendeeId);
    if (running) {
      this.running.delete(attendeeId);
      await endProcessGroup(running.pid, running.exited);
    }
    const row = this.row(attendeeId);
    if (row) await this.cgroups.end(row.seat);
    this.options.db
      .prepare('UPDATE local_workspaces SET pid = NULL, start_time = NULL WHERE attendee_id = ?')
      .run(attendeeId);
  }

  async delete(attendeeId: string): Promise<void> {
    const row = this.row(attendeeId);
    await this.stop(attendeeId);
    if (!row) return;
    rmSync(homeOf(this.options.dataDir, row.attendee_id), { recursive: true, force: true });
    this.options.db.prepare('DELETE FROM local_workspaces WHERE attendee_id = ?').run(attendeeId);
    this.failures.delete(attendeeId);
  }

  /** Stops every workspace: the server is going away, and nothing it started may outlive it. */
  async dispose(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
    // A workspace that ended on its own (not stopped) still has its seat's cgroup.
    for (const seat of this.cgroups.seats()) await this.cgroups.end(seat);
    this.cgroups.close();
  }

  /** Resident memory of each running workspace, summed over its processes (for the bench). */
  runningPids(): Map<string, number> {
    return new Map([...this.running].map(([id, running]) => [id, running.pid]));
  }

  private ensureRunning(row: Row): Promise<RunningWorkspace> {
    const running = this.running.get(row.attendee_id);
    if (running && running.child.exitCode === null && running.child.signalCode === null)
      return Promise.resolve(running);
    const pending = this.starting.get(row.attendee_id);
    if (pending) return pending;
    const start = this.start(row).finally(() => this.starting.delete(row.attendee_id));
    this.starting.set(row.attendee_id, start);
    return start;
  }

  private async start(row: Row): Promise<RunningWorkspace> {
    const { options } = this;
    // Whatever a crashed workspace left in the seat's cgroup goes before a new one starts there.
    await this.cgroups.end(row.seat);
    const cgroup = this.cgroups.prepare(row.seat);
    const launch = workspaceLaunch(options, row.seat, this.prepareHome(row), row.display_name);
    const running = await startWorkspaceProcess({ ...launch, cgroup }, options.log);
    this.running.set(row.attendee_id, running);
    this.failures.delete(row.attendee_id);
    options.db
      .prepare('UPDATE local_workspaces SET pid = ?, start_time = ? WHERE attendee_id = ?')
      .run(running.pid, running.startTime, row.attendee_id);
    void running.exited.then(() => {
      if (this.running.get(row.attendee_id) === running) this.running.delete(row.attendee_id);
    });
    return running;
  }

  private async endLeftovers(): Promise<void> {
    const rows = this.options.db
      .prepare('SELECT * FROM local_workspaces WHERE pid IS NOT NULL')
      .all() as Row[];
    for (const row of rows) {
      if (await endLeftover(row.pid ?? 0, row.start_time ?? 0))
        this.options.log.info(`ended the workspace of ${row.display_name} left by the previous server`);
    }
    this.options.db.prepare('UPDATE local_workspaces SET pid = NULL, start_time = NULL').run();
    for (const seat of this.cgroups.seats()) await this.cgroups.end(seat);
  }

  private prepareHome(row: Row): string {
    const uid = this.options.userPerSeat ? workspaceUid(row.seat) : undefined;
    return prepareHome(this.options.dataDir, row.attendee_id, uid);
  }

  private row(attendeeId: string): Row | undefined {
    return this.options.db.prepare('SELECT * FROM local_workspaces WHERE attendee_id = ?').get(attendeeId) as
      Row | undefined;
  }

  private describe(row: Row): Workspace {
    const running = this.running.get(row.attendee_id);
    const failure = this.failures.get(row.attendee_id);
    return {
      owner: { workshopId: row.workshop_id, attendeeId: row.attendee_id, displayName: row.display_name },
      state: failure
        ? 'failed'
        : running
          ? 'ready'
          : this.starting.has(row.attendee_id)
            ? 'starting'
            : 'stopped',
      createdAt: row.created_at,
      ...(failure ? { failure } : {}),
    };
  }
}

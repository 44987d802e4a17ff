/**
 * Real workspaces for tests: the terminal server bundled as the npm scripts bundle it, a data
 * directory of the test's own, and a protocol client that runs a step in a workspace and returns
 * what it printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quietLogger } from '../../../server/log';
import { DEFAULT_LIMITS, runsAsRoot, type WorkspaceLimits } from '../../../server/workshop/local/limits';
import { LocalWorkspaceProvider } from '../../../server/workshop/local/localProvider';
import { openDatabase, type WorkshopDatabase } from '../../../server/workshop/state/database';
import type { WorkspaceEndpoint } from '../../../server/workshop/workspaceProvider';
import { PROJECT_ROOT } from '../helpers/cliProcess';
import { TestClient, is } from '../helpers/testClient';

/** `node server/run.cjs --bundle-only server/terminalsCli.ts`, then the command a workspace runs. */
export function terminalServerCommand(): { file: string; args: string[] } {
  const built = spawnSync(process.execPath, ['server/run.cjs', '--bundle-only', 'server/terminalsCli.ts'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('could not bundle the server');
  // The terminal server alone, bundled beside cli.cjs: what `npm run workshop` starts per seat.
  return {
    file: process.execPath,
    args: [path.join(PROJECT_ROOT, 'node_modules/.cache/rw-server/terminalsCli.cjs')],
  };
}

export interface ProviderFixture {
  provider: LocalWorkspaceProvider;
  db: WorkshopDatabase;
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function providerFixture(
  options: { sandbox?: boolean; dataDir?: string; limits?: Partial<WorkspaceLimits> } = {},
): Promise<ProviderFixture> {
  // Outside /tmp: the sandbox gives each workspace a /tmp of its own, which would hide it anyway.
  const dataDir = options.dataDir ?? mkdtempSync(path.join(cacheDir(), 'rw-workshop-'));
  const db = openDatabase(dataDir);
  let provider: LocalWorkspaceProvider;
  try {
    provider = await LocalWorkspaceProvider.open({
      db,
      dataDir,
      projectRoot: PROJECT_ROOT,
      command: terminalServerCommand(),
      sandbox: options.sandbox ?? true,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      userPerSeat: runsAsRoot(),
      log: quietLogger,
    });
  } catch (error) {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    provider,
    db,
    dataDir,
    async cleanup() {
      await provider.dispose();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function cacheDir(): string {
  const dir = path.join(PROJECT_ROOT, 'node_modules/.cache');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const owner = (attendeeId: string) => ({ workshopId: 'w1', attendeeId, displayName: attendeeId });

export async function connectTo(endpoint: WorkspaceEndpoint): Promise<TestClient> {
  return TestClient.connect(endpoint.url, { token: endpoint.token, origin: endpoint.origin });
}

let stepNumber = 0;

/** Runs `command` as a step in terminal `main` and resolves with its state and what it printed. */
export async function runStep(
  client: TestClient,
  command: string,
): Promise<{ state: string; exitCode: number | undefined; output: string }> {
  if (!client.received.some((m) => m.type === 'attached' && m.terminal === 'main')) {
    client.send({ type: 'attach', terminal: 'main', cols: 120, rows: 30 });
    await client.next(is.attached('main'), 30_000);
  }
  const before = client.output('main').length;
  const stepId = `test/step-${++stepNumber}`;
  client.send({ type: 'run', terminal: 'main', stepId, command });
  const ended = await client.next(is.stepEnded(stepId), 30_000);
  return { state: ended.state, exitCode: ended.exitCode, output: client.output('main').slice(before) };
}

export function tmpName(prefix: string): string {
  return path.join(os.tmpdir(), `${prefix}-${process.pid}-${Date.now()}`);
}

/** A hub over real bash shells, with its own HOME (an empty .bashrc) and state directory. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quietLogger } from '../../../server/log';
import { createTerminalHub, type LocalTerminals, type TerminalHubOptions } from '../../../server/terminals';
import { RecordingClient } from './recordingClient';

export interface HubFixture {
  hub: LocalTerminals;
  home: string;
  stateDir: string;
  client: RecordingClient;
  /** Attaches `client` to `main` and waits for the first prompt. */
  open(terminal?: string, client?: RecordingClient): Promise<void>;
  cleanup(): Promise<void>;
}

export function makeHome(bashrc = ''): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'rw-home-'));
  writeFileSync(path.join(home, '.bashrc'), bashrc);
  return home;
}

export function hubFixture(options: TerminalHubOptions & { bashrc?: string } = {}): HubFixture {
  const home = makeHome(options.bashrc);
  const stateDir = options.stateDir ?? mkdtempSync(path.join(os.tmpdir(), 'rw-state-'));
  const hub = createTerminalHub({
    cwd: home,
    env: { HOME: home, PS1: '$ ', HISTFILE: path.join(home, '.bash_history') },
    stateDir,
    log: quietLogger,
    ...options,
  });
  const client = new RecordingClient();
  return {
    hub,
    home,
    stateDir,
    client,
    async open(terminal = 'main', who = client) {
      hub.attach(who, { terminal, cols: 80, rows: 24 });
      await who.waitForScreen(/[$#] $/, terminal);
    },
    async cleanup() {
      await hub.dispose();
      rmSync(home, { recursive: true, force: true });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

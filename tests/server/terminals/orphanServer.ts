/**
 * A terminal server that the orphan test kills with SIGKILL: it starts a shell whose child
 * ignores HUP (so it would outlive the shell), prints the pids, and waits to be killed.
 * Usage: tsx orphanServer.ts <stateDir> <home>
 */
import { quietLogger } from '../../../server/log';
import { createTerminalHub } from '../../../server/terminals';
import { RecordingClient } from './recordingClient';

const [stateDir, home] = process.argv.slice(2);
const hub = createTerminalHub({ stateDir, cwd: home, env: { HOME: home }, log: quietLogger });
const client = new RecordingClient();
hub.attach(client, { terminal: 'main', cols: 80, rows: 24 });
hub.run(client, {
  terminal: 'main',
  stepId: 'leftover',
  command: `bash -c 'trap "" HUP; exec sleep 1000' &\necho "leftover=$!"`,
});
void client.waitForScreen(/leftover=(\d+)/).then((screen) => {
  const leftover = Number(/leftover=(\d+)/.exec(screen)?.[1]);
  process.stdout.write(`${JSON.stringify({ shell: hub.shellPid('main'), leftover })}\n`);
});
setInterval(() => {}, 60_000);

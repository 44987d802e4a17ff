/**
 * The terminal server's output path alone, no browser: `cat` of a file through a real shell, the
 * real hub and WebSocket server (in a process of its own), to a real WebSocket client that does
 * what the page does with each frame (validates it with the protocol, hands it to a screen through
 * src/client's TerminalChannel, acknowledges once "written"). Prints MiB/s, the server's event-loop
 * utilisation and CPU, frames, and the most output owed by the client at once. Then the server's
 * share of two latencies: keystroke → its echo received, and Ctrl-C during `yes` → prompt received.
 *
 *   npx tsx bench/server/throughput.ts [--mib 5] [--runs 3] [--screen-mibps 0 (0: the screen writes at once)]
 *                                      [--cpu-prof DIR (a CPU profile of the server)] [--tsx]
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { TerminalChannel } from '../../src/client/terminalChannel';
import { parseServerMessage, TOKEN_PARAM, type ClientMessage } from '../../src/protocol/messages';
import { makeCatFile, MIB } from '../measures/throughput';
import { BENCH_ORIGIN, type FromServer, type ServerReport, type ToServer } from './serverProcess';

const { values } = parseArgs({
  options: {
    mib: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    'screen-mibps': { type: 'string', default: '0' },
    /** Writes a CPU profile of the server process into this directory. */
    'cpu-prof': { type: 'string' },
    /** Run the server under `node --import tsx`, as the npm scripts did before server/run.cjs. */
    tsx: { type: 'boolean', default: false },
  },
});
const mib = Number(values.mib);
const runs = Number(values.runs);
const screenRate = Number(values['screen-mibps']) * MIB;

function startServer(): Promise<{
  child: ChildProcess;
  listening: Extract<FromServer, { type: 'listening' }>;
}> {
  const entry = path.join(__dirname, 'serverProcess.ts');
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  // As `npm run live` starts the server (package.json): compiled ahead by server/run.cjs.
  const [modulePath, args, execArgv] = values.tsx
    ? [entry, [], ['--import', 'tsx', ...profile]]
    : [
        path.join(__dirname, '../../server/run.cjs'),
        [entry],
        ['--max-semi-space-size=2', '--optimize-for-size', ...profile],
      ];
  const child = fork(modulePath, args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    child.on('message', (message: FromServer) => {
      if (message.type === 'listening') resolve({ child, listening: message });
    });
  });
}

function ask(child: ChildProcess, message: ToServer): Promise<ServerReport> {
  return new Promise((resolve) => {
    const onMessage = (reply: FromServer) => {
      if (reply.type !== 'report') return;
      child.off('message', onMessage);
      resolve(reply);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** The page's side: parse, hand to a screen, acknowledge after the write. */
class BenchClient {
  text = '';
  frames = 0;
  units = 0;
  owedMax = 0;
  private owed = 0;
  private screenBusyUntil = 0;
  readonly channel: TerminalChannel;
  private waiter: { pattern: string; resolve: () => void } | undefined;

  constructor(readonly socket: WebSocket) {
    this.channel = new TerminalChannel(
      'main',
      { cols: 80, rows: 24 },
      'write',
      { write: (data, done) => this.write(data, done), reset: () => undefined },
      (units) => {
        this.owed -= units;
        this.send({ type: 'ack', terminal: 'main', units });
      },
    );
    socket.on('message', (raw) => {
      const parsed = parseServerMessage(raw.toString());
      if (!parsed.ok) throw new Error(`the server broke the protocol: ${parsed.message}`);
      const message = parsed.message;
      if (message.type === 'attached') this.channel.attached(message);
      if (message.type !== 'output') return;
      this.frames += 1;
      this.units += message.data.length;
      this.owed += message.data.length;
      this.owedMax = Math.max(this.owedMax, this.owed);
      this.channel.output(message);
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  until(pattern: string): Promise<void> {
    if (this.text.includes(pattern)) return Promise.resolve();
    return new Promise((resolve) => (this.waiter = { pattern, resolve }));
  }

  /** Sends `data` and times until the screen's text ends with `pattern`. */
  async timed(data: string, ending: RegExp): Promise<number> {
    this.text = '';
    const started = performance.now();
    this.send({ type: 'input', terminal: 'main', data });
    while (!ending.test(this.text)) {
      if (performance.now() - started > 5000)
        throw new Error(`no ${String(ending)} after ${JSON.stringify(data)}: ${JSON.stringify(this.text)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return performance.now() - started;
  }

  resetCounts(): void {
    this.frames = 0;
    this.units = 0;
    this.owedMax = this.owed;
    this.text = '';
  }

  private write(data: string, done: () => void): void {
    this.text = (this.text + data).slice(-256);
    if (this.waiter && this.text.includes(this.waiter.pattern)) {
      this.waiter.resolve();
      this.waiter = undefined;
    }
    if (screenRate === 0) {
      setImmediate(done);
      return;
    }
    // A screen that parses `screenRate` units a second, one write after another.
    const now = performance.now();
    this.screenBusyUntil = Math.max(now, this.screenBusyUntil) + (data.length / screenRate) * 1000;
    setTimeout(done, this.screenBusyUntil - now);
  }
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), `rw-bench-cat-${mib}mib.txt`);
  await makeCatFile(file, mib * MIB);
  const { child, listening } = await startServer();
  const url = new URL(listening.wsUrl);
  url.searchParams.set(TOKEN_PARAM, listening.token);
  const socket = new WebSocket(url, { origin: BENCH_ORIGIN });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const client = new BenchClient(socket);
  client.send(client.channel.attachMessage());
  await client.until('rwbench$ ');
  console.log(
    `cat ${mib} MiB, ${runs} runs, screen ${screenRate ? `${values['screen-mibps']} MiB/s` : 'at once'}; ` +
      `load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  for (let run = 1; run <= runs; run += 1) {
    client.resetCounts();
    const marker = `rw-done-${run}`;
    child.send({ type: 'measure-start' } satisfies ToServer);
    const started = performance.now();
    // `$((…))` so that the typed line never shows the marker, only its output does.
    client.send({ type: 'input', terminal: 'main', data: `cat ${file}; echo rw-done-$((${run}))\r` });
    await client.until(marker);
    const seconds = (performance.now() - started) / 1000;
    const server = await ask(child, { type: 'measure-stop' });
    console.log(
      `run ${run}: ${(mib / seconds).toFixed(1)} MiB/s (${seconds.toFixed(2)} s); server event loop ` +
        `${(server.elu * 100).toFixed(0)} % busy, CPU ${((server.cpuMs / 1000 / server.seconds) * 100).toFixed(0)} % ` +
        `(${(server.cpuMs / mib).toFixed(0)} ms per MiB), ` +
        `RSS ${server.rssMb.toFixed(0)} MB; ${client.frames} frames of ${(client.units / client.frames / 1024).toFixed(1)} KiB avg; ` +
        `owed at most ${(client.owedMax / 1024).toFixed(0)} KiB`,
    );
    await client.until('rwbench$ ');
  }
  const echoes: number[] = [];
  for (let key = 0; key < 40; key += 1) {
    echoes.push(await client.timed('x', /x$/));
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await client.timed('\x03', /rwbench\$ $/);
  console.log(`keystroke → echo received: ${percentiles(echoes)}`);
  const interrupts: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    client.send({ type: 'input', terminal: 'main', data: 'yes\r' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    interrupts.push(await client.timed('\x03', /rwbench\$ $/));
  }
  console.log(`Ctrl-C during yes → prompt received: ${percentiles(interrupts)}`);
  socket.close();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies ToServer);
  const started = Date.now();
  await exited;
  console.log(`server stopped in ${Date.now() - started} ms`);
}

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${samples.length} samples)`;
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

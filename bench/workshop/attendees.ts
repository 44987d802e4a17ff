/**
 * A room of attendees against `npm run workshop` on this machine: real sandboxes, real shells,
 * simulated clients over real WebSockets through the router. All join at once and each runs a
 * step; then, with every workspace active, rounds of Run at once. Prints join → first prompt,
 * Run → first output (through the router), the server's and each workspace's resident memory, and
 * what one more attendee costs. Figures, never a pass/fail on a time.
 *
 *   npx tsx bench/workshop/attendees.ts [--attendees 60] [--rounds 5] [--spread 30] [--no-sandbox]
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { descendantsOf } from '../../server/workshop/local/descendants';
import { readStat } from '../../server/terminals/local/processTree';
import { round, summarize, type Summary } from '../stats';
import { joinAndConnect, type Attendee } from './simulatedAttendee';

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '5' },
    /** In the paced phase, each attendee runs a step at a random moment of every this many seconds. */
    spread: { type: 'string', default: '30' },
    'no-sandbox': { type: 'boolean', default: false },
  },
});
const count = Number(values.attendees);
const rounds = Number(values.rounds);
const root = path.resolve(__dirname, '..', '..');

function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The server's own RSS, and each workspace's (a direct child of the server with its whole tree). */
function memory(serverPid: number): { server: number; workspaces: number[] } {
  const tree = descendantsOf(serverPid);
  const children = tree.filter((p) => readStat(p.pid)?.ppid === serverPid);
  return {
    server: rssKiB(serverPid),
    workspaces: children.map((child) =>
      [child, ...descendantsOf(child.pid)].reduce((sum, p) => sum + rssKiB(p.pid), 0),
    ),
  };
}

const line = (label: string, s: Summary, unit: string) =>
  `${label.padEnd(38)} p50 ${round(s.p50)} ${unit}  p95 ${round(s.p95)} ${unit}  (n=${s.n}, max ${round(s.max)})`;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(root, 'node_modules', '.cache', 'rw-bench-workshop-'));
  chmodSync(work, 0o711);
  writeFileSync(path.join(work, 'index.html'), '<h1>bench</h1>');
  const args = [
    '--max-semi-space-size=2',
    '--optimize-for-size',
    'server/run.cjs',
    'server/cli.ts',
    'workshop',
    '--port',
    '0',
    '--dir',
    work,
  ];
  args.push('--data-dir', path.join(work, 'data'), '--seats', String(count + 1));
  if (values['no-sandbox']) args.push('--no-sandbox');
  const server = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // gone already
    }
  };
  process.once('exit', stop);
  const join = await new Promise<URL>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /^join: (\S+)$/m.exec(out);
      if (found?.[1]) resolve(new URL(found[1]));
    });
    server.once('exit', (code) => reject(new Error(`the workshop server exited (${code})`)));
  });
  const base = join.origin;
  const code = join.searchParams.get('code') ?? '';
  const idle = memory(server.pid!);
  console.log(
    `${count} attendees, ${values['no-sandbox'] ? 'no sandbox' : 'bubblewrap sandboxes'}, ${process.env.HOSTNAME ?? ''}`,
  );

  // Everyone at once: join, first prompt, a step.
  const people = Array.from({ length: count }, (_, i) => `attendee-${i + 1}`);
  const joined: Attendee[] = await Promise.all(people.map((name) => joinAndConnect(base, code, name)));
  const firstSteps = await Promise.all(joined.map((a, i) => a.run(`echo hello from ${i}`)));
  const passed = firstSteps.filter((s) => s.passed).length;
  console.log(`joined and ran a step at once: ${passed}/${count} passed`);
  console.log(line('join → first prompt', summarize(joined.map((a) => a.joinToPrompt)), 'ms'));
  console.log(
    line(
      'Run → first output (first step, all at once)',
      summarize(firstSteps.map((s) => s.firstOutputMs)),
      'ms',
    ),
  );

  // All active: rounds of every attendee pressing Run at once.
  const warm: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const results = await Promise.all(joined.map((a) => a.run('echo step-output')));
    warm.push(...results.map((s) => s.firstOutputMs));
  }
  console.log(line(`Run → first output (${count} active, at once)`, summarize(warm), 'ms'));

  // A room at work: every attendee runs a step every `spread` seconds, at a moment of their own.
  const spreadMs = Number(values.spread) * 1000;
  const paced = await Promise.all(
    joined.map(async (a) => {
      const samples: number[] = [];
      for (let r = 0; r < rounds; r++) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * spreadMs));
        samples.push((await a.run('echo paced-step')).firstOutputMs);
      }
      return samples;
    }),
  );
  const rate = round((count / (spreadMs / 2000)) * 1, 1);
  console.log(line(`Run → first output (${count} active, ~${rate} Runs/s)`, summarize(paced.flat()), 'ms'));

  const full = memory(server.pid!);
  const perWorkspace = summarize(full.workspaces.map((kib) => kib / 1024));
  console.log(
    `server RSS: ${round(idle.server / 1024)} MiB idle, ${round(full.server / 1024)} MiB with ${count} attendees`,
  );
  console.log(line('RSS per workspace (its whole tree)', perWorkspace, 'MiB'));

  // One more: what joining costs the machine, and how long it takes with the room busy.
  const beforeTotal = full.server + full.workspaces.reduce((a, b) => a + b, 0);
  const extra = await joinAndConnect(base, code, 'one-more');
  const extraRun = await extra.run('echo one more');
  const after = memory(server.pid!);
  const afterTotal = after.server + after.workspaces.reduce((a, b) => a + b, 0);
  console.log(
    `one more attendee: +${round((afterTotal - beforeTotal) / 1024)} MiB resident, join → prompt ${round(extra.joinToPrompt)} ms, ` +
      `Run → first output ${round(extraRun.firstOutputMs)} ms`,
  );
  for (const attendee of [...joined, extra]) attendee.close();
  stop();
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

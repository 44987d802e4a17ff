/**
 * One keystroke's way from keydown to paint, hop by hop: the page's hops from the paint and
 * keystroke probes (page clock), the server's from its own trace (RW_KEYSTROKE_TRACE, server
 * clock). The two clocks are never compared: the network hop is what the page waited between
 * send and receive minus what the server spent in between (both directions together).
 */
import type { KeystrokeHops } from '../../server/terminals/core/keystrokeTrace';
import type { PageKeystroke } from '../page/keystrokeProbe';
import type { PaintTiming } from '../page/probeTypes';
import { summarize } from '../stats';

export type { KeystrokeHops } from '../../server/terminals/core/keystrokeTrace';

export const HOPS = [
  ['key', 'keydown → input frame sent (xterm key handler, onData, JSON, ws.send)'],
  ['network', 'network, both ways (Chromium network process, loopback, ws)'],
  ['server', 'server: frame received → output frame sent (all server hops)'],
  ['parse', '  server: receive → parsed (JSON, validation)'],
  ['ptyWrite', '  server: parsed → pty write'],
  ['shell', '  server: pty write → pty read (kernel pty, bash readline echo)'],
  ['coalesce', '  server: pty read → coalescing flushed'],
  ['send', '  server: flushed → frame handed to the socket (ring, mirror, framing)'],
  ['handle', 'page: frame received → handler returned (parse, validate, xterm write)'],
  ['frame', 'page: handler returned → xterm rendered the row (next frame)'],
  ['vsync', '  page: handler returned → that frame began (vsync)'],
  ['render', '  page: frame began → xterm rendered the row (main thread, xterm)'],
  ['paint', 'page: rendered → frame painted'],
  ['total', 'total: keydown → echo painted'],
] as const;

export type HopName = (typeof HOPS)[number][0];
export type KeystrokeSample = Partial<Record<HopName, number>>;

/** The hops of one keystroke; those that were not seen are left out. */
export function keystrokeSample(
  paint: PaintTiming,
  page: PageKeystroke | undefined,
  server: KeystrokeHops | undefined,
): KeystrokeSample {
  const sample: KeystrokeSample = { total: paint.paintedAt - paint.inputAt };
  sample.paint = paint.paintedAt - paint.matchedAt;
  if (page === undefined || page.receivedAt === undefined || page.handledAt === undefined) return sample;
  sample.key = page.sentAt - paint.inputAt;
  sample.handle = page.handledAt - page.receivedAt;
  sample.frame = paint.matchedAt - page.handledAt;
  if (page.frameAt !== undefined && page.frameAt <= paint.matchedAt) {
    sample.vsync = page.frameAt - page.handledAt;
    sample.render = paint.matchedAt - page.frameAt;
  }
  const roundTrip = page.receivedAt - page.sentAt;
  if (server?.sent === undefined) {
    sample.network = roundTrip; // no server trace (wetty): network and server together
    return sample;
  }
  sample.server = server.sent;
  sample.network = roundTrip - server.sent;
  sample.parse = server.parsed;
  if (server.ptyWrite !== undefined) sample.ptyWrite = server.ptyWrite - server.parsed;
  if (server.ptyWrite !== undefined && server.ptyRead !== undefined)
    sample.shell = server.ptyRead - server.ptyWrite;
  if (server.ptyRead !== undefined && server.flushed !== undefined)
    sample.coalesce = server.flushed - server.ptyRead;
  if (server.flushed !== undefined) sample.send = server.sent - server.flushed;
  return sample;
}

export interface HopSummary {
  hop: string;
  label: string;
  n: number;
  p50: number;
  p95: number;
}

/** p50 and p95 of each hop in `hops` (a keystroke's HOPS, a Run's RUN_HOPS), in that order. */
export function summarizeHops<H extends string>(
  samples: Partial<Record<H, number>>[],
  hops: readonly (readonly [H, string])[],
): HopSummary[] {
  return hops.flatMap(([hop, label]) => {
    const values = samples.map((sample) => sample[hop]).filter((v): v is number => v !== undefined);
    if (values.length === 0) return [];
    const summary = summarize(values);
    return [{ hop, label, n: summary.n, p50: summary.p50, p95: summary.p95 }];
  });
}

export function formatHopTable(title: string, hops: HopSummary[]): string {
  const rows = hops.map((h) => [h.label, h.p50.toFixed(2), h.p95.toFixed(2), String(h.n)]);
  const header = ['hop', 'p50 ms', 'p95 ms', 'n'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [title, line(header), rule, ...rows.map(line)].join('\n');
}

// Prompts that read from the terminal without echo, as crc's survey prompt and oc's password prompt do.
import { spawnSync } from 'node:child_process';
import { readSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Writes `prompt`, then reads one line from stdin without echo; `mask` (e.g. `*`) is printed per
 * character instead, as crc does. On a terminal the line is read with blocking reads of the tty in
 * raw mode, as the real (Go) CLIs do: that is what lets the terminal server see a program waiting for
 * the keyboard (Node's own stdin stream would poll instead). Rejects with `interrupted` on Ctrl-C.
 */
export function readSecretLine(prompt, { mask = '' } = {}) {
  process.stdout.write(prompt);
  if (isatty(0)) return readFromTerminal(mask);
  return readFromPipe(mask);
}

function stty(...args) {
  const result = spawnSync('stty', args, { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`stty ${args.join(' ')} failed`);
  return result.stdout.trim();
}

function readFromTerminal(mask) {
  const saved = stty('-g');
  stty('raw', '-echo');
  const byte = Buffer.alloc(1);
  const bytes = [];
  try {
    for (;;) {
      if (readSync(0, byte, 0, 1, null) === 0) break;
      const code = byte[0];
      if (code === 0x0d || code === 0x0a) break;
      if (code === 0x03) {
        process.stdout.write('^C\r\n');
        return Promise.reject(Object.assign(new Error('interrupted'), { interrupted: true }));
      }
      if (code === 0x7f || code === 0x08) {
        if (bytes.length > 0 && mask) process.stdout.write('\b \b');
        bytes.pop();
        continue;
      }
      bytes.push(code);
      if (mask && (code & 0xc0) !== 0x80) process.stdout.write(mask);
    }
  } finally {
    stty(saved);
  }
  process.stdout.write('\n');
  return Promise.resolve(Buffer.from(bytes).toString('utf8'));
}

async function readFromPipe(mask) {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk.toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0];
  process.stdout.write(`${mask.repeat(line.length)}\n`);
  return line;
}

/** Reads all of stdin (for `-f -`). */
export async function readAllStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

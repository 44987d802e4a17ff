// Prompts that read from the terminal without echo, as crc's survey prompt and oc's password prompt do.

/**
 * Writes `prompt`, then reads one line from stdin. On a tty the line is read in raw mode, so the
 * terminal does not echo it; `mask` (e.g. `*`) is printed per character instead, as crc does.
 */
export function readSecretLine(prompt, { mask = '' } = {}) {
  process.stdout.write(prompt);
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (value) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      resolve(value);
    };
    const onEnd = () => finish(line);
    const onData = (chunk) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(line);
        if (char === '\u0003') {
          // Raw mode turns Ctrl-C into a byte: behave as if the signal had arrived.
          if (stdin.isTTY) stdin.setRawMode(false);
          process.stdout.write('^C\n');
          reject(Object.assign(new Error('interrupted'), { interrupted: true }));
          return;
        }
        if (char === '\u007f' || char === '\b') {
          if (line.length > 0) {
            line = line.slice(0, -1);
            if (mask) process.stdout.write('\b \b');
          }
          continue;
        }
        line += char;
        if (mask) process.stdout.write(mask);
      }
    };
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}

/** Reads all of stdin (for `-f -`). */
export async function readAllStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliToExit } from '../helpers/cliProcess';
import { is, TestClient } from '../helpers/testClient';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rw-token-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminals --token-file (a workspace pod started with its Secret)', () => {
  it('accepts the token in the file, and only that one', async () => {
    const token = 'workspace-token-0123456789abcdefghijklmnopqrstuv';
    const file = path.join(dir, 'token');
    writeFileSync(file, `${token}\n`);
    const run = runCli(['terminals', '--token-file', file]);
    try {
      const line = await run.waitForLine(/^\{.*"wsUrl"/, 60_000);
      const printed = JSON.parse(line) as { wsUrl: string; token: string };
      expect(printed.token).toBe(token);
      const client = await TestClient.connect(printed.wsUrl, { token });
      await client.next(is.hello);
      client.socket.close();
      await expect(TestClient.connect(printed.wsUrl, { token: `${token}x` })).rejects.toThrow(/HTTP 401/);
    } finally {
      run.signalGroup('SIGTERM');
      await run.exited;
    }
  });

  it('refuses a missing file or one that holds no token (exit 2), saying which', async () => {
    const missing = await runCliToExit(['terminals', '--token-file', path.join(dir, 'absent')]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('cannot be read');
    const short = path.join(dir, 'short');
    writeFileSync(short, 'abc');
    const weak = await runCliToExit(['terminals', '--token-file', short]);
    expect(weak.code).toBe(2);
    expect(weak.output).toContain('does not hold a token');
  });
});

describe('terminals --audience-token-file', () => {
  it('accepts the watch-only token in the file as watch-only', async () => {
    const full = path.join(dir, 'full');
    const audience = path.join(dir, 'audience');
    writeFileSync(full, 'full-token-0123456789abcdefghijklmnopqrstuvwxyz');
    writeFileSync(audience, 'audience-token-0123456789abcdefghijklmnopqrstu');
    const run = runCli(['terminals', '--token-file', full, '--audience-token-file', audience]);
    try {
      const line = await run.waitForLine(/^\{.*"wsUrl"/, 60_000);
      const printed = JSON.parse(line) as { wsUrl: string; audienceToken: string };
      expect(printed.audienceToken).toBe('audience-token-0123456789abcdefghijklmnopqrstu');
      const watcher = await TestClient.connect(printed.wsUrl, { token: printed.audienceToken });
      expect(await watcher.next(is.hello)).toMatchObject({ readOnly: true });
      watcher.socket.close();
    } finally {
      run.signalGroup('SIGTERM');
      await run.exited;
    }
  });
});

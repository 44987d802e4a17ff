import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { readStat } from '../../../server/terminals/local/processTree';
import { providerFixture, type ProviderFixture } from './fixture';

let fixture: ProviderFixture | undefined;
afterAll(async () => fixture?.cleanup());

describe('a provider opened after a killed server', () => {
  it('ends the workspaces its database records as running, and only those very processes', async () => {
    const first = await providerFixture();
    await first.provider.create({ workshopId: 'w', attendeeId: 'ann', displayName: 'Ann' });
    // What a killed server leaves behind: a recorded workspace process still running, in its own group.
    const leftover = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
    const stranger = spawn('sleep', ['601'], { detached: true, stdio: 'ignore' });
    const startTime = readStat(leftover.pid!)!.starttime;
    first.db
      .prepare('UPDATE local_workspaces SET pid = ?, start_time = ? WHERE attendee_id = ?')
      .run(leftover.pid, startTime, 'ann');
    first.db
      .prepare(
        `INSERT INTO local_workspaces (attendee_id, workshop_id, display_name, created_at, pid, start_time)
         VALUES ('ben', 'w', 'Ben', 0, ?, 1)`,
      )
      .run(stranger.pid);
    first.db.close();

    fixture = await providerFixture({ dataDir: first.dataDir });

    expect(readStat(leftover.pid!)?.state ?? 'gone').toMatch(/gone|Z/);
    // Same pid, another start time: a process that merely reuses the number is left alone.
    expect(readStat(stranger.pid!)?.state).toMatch(/[SR]/);
    stranger.kill('SIGKILL');
    expect((await fixture.provider.find('ann'))?.state).toBe('stopped');
  });
});

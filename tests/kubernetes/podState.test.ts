// What the provider makes of a pod's status: the words an attendee's page shows when a pod ended.
import { describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { podState } from '../../server/workshop/kubernetes/podState';

function ended(terminated: { exitCode: number; message?: string }, reason?: string): V1Pod {
  return {
    status: { phase: 'Failed', reason, containerStatuses: [{ state: { terminated } } as never] },
  };
}

describe('a pod that ended', () => {
  it("says its exit code and the container's last line, so the instructor sees why", () => {
    const state = podState(
      ended({ exitCode: 1, message: 'starting\nport 7681 is in use on 10.0.0.7: pick another\n' }),
    );
    expect(state.state).toBe('failed');
    expect(state.failure).toContain('exit code 1: port 7681 is in use on 10.0.0.7: pick another');
  });

  it('says only the exit code when the cluster kept no message, and "expired" at its deadline', () => {
    expect(podState(ended({ exitCode: 137 })).failure).toMatch(/\(exit code 137\);/);
    expect(podState(ended({ exitCode: 0 }, 'DeadlineExceeded')).failure).toContain('the workshop expired');
  });
});

/** A provider's wait, reported about once a second while it lasts (the page counts the seconds). */
import { describe, expect, it } from 'vitest';
import { reportingWait } from '../../../server/workshop/waitReports';

describe('reportingWait', () => {
  it('reports a growing elapsed time, about once a second, while the work lasts', async () => {
    const reports: number[] = [];
    let finish = (_value: string) => {};
    const work = new Promise<string>((resolve) => (finish = resolve));
    const waited = reportingWait(
      work,
      ({ elapsedMs, detail }) => {
        expect(detail).toBe('starting the sandbox');
        reports.push(elapsedMs);
        if (reports.length === 2) finish('ready');
      },
      'starting the sandbox',
    );
    expect(await waited).toBe('ready');
    expect(reports).toHaveLength(2);
    expect(reports[1]!).toBeGreaterThan(reports[0]!);
    expect(reports[0]!).toBeGreaterThanOrEqual(900);
  });

  it('passes a failure on, with no one listening', async () => {
    await expect(reportingWait(Promise.reject(new Error('no seat')), undefined, 'x')).rejects.toThrow(
      'no seat',
    );
  });
});

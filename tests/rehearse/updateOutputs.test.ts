// `npm run rehearse -- --update-outputs`: recorded outputs re-recorded from a real run, against the
// simulated clusters of tests/fakes (test doubles of crc, oc and skupper; the shells are real).
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClusters, PULL_SECRET, type FakeClusters } from './support/fakeClusters';
import { runRehearsalCli } from './support/rehearsal';

const FIXTURES = resolve(__dirname, '__fixtures__/recordings');
const REHEARSAL_TIMEOUT = 240_000;

const made: FakeClusters[] = [];
afterEach(() => made.splice(0).forEach((fakes) => fakes.remove()));

/** Fresh simulated clusters, logged in, with `docs` (a folder of pages) copied into their HOME. */
async function clustersWithDocs(docs: string): Promise<{ fakes: FakeClusters; docs: string }> {
  const fakes = createFakeClusters();
  made.push(fakes);
  expect((await fakes.run('crc', ['start'], { input: `${PULL_SECRET}\n` })).code).toBe(0);
  expect((await fakes.run('oc', ['login', '-u', 'kubeadmin', 'https://api.crc.testing:6443'])).code).toBe(0);
  const copy = join(fakes.home, 'docs');
  cpSync(docs, copy, { recursive: true });
  return { fakes, docs: copy };
}

const read = (docs: string, page: string) => readFileSync(join(docs, page), 'utf8');
const from = (text: string, marker: string) => text.slice(text.indexOf(marker));

describe('rehearse --update-outputs', () => {
  it(
    'rewrites stale outputs in place, leaves a page with only volatile differences alone, and a second run changes nothing',
    async () => {
      const first = await clustersWithDocs(FIXTURES);
      const run = await runRehearsalCli(first.fakes, ['--docs', first.docs, '--update-outputs']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);

      const original = read(FIXTURES, '01-stale.md');
      const stale = read(first.docs, '01-stale.md');
      expect(stale).toContain('output:\n\n```\nnamespace/hello-world created\n```\n');
      expect(stale).not.toContain('hello-universe');
      // Re-recorded with the secret redacted, as the page had it.
      expect(stale).toContain('```\nlogin done\npassword: <redacted>\n```');
      expect(stale).not.toContain('hunter2-hunter2\n```');
      // Inside a list item the new lines keep the fence's indentation.
      expect(stale).toMatch(/\n {2}```text\n(?: {2}.*\n)* {2}deployment\.apps\/backend created\n {2}```\n/);
      // Front matter, prose and the step that has two outputs are as they were.
      expect(stale.slice(0, stale.indexOf('```\nnamespace'))).toBe(
        original.slice(0, original.indexOf('```\nnamespace')),
      );
      expect(from(stale, '```bash title="two outputs"')).toBe(from(original, '```bash title="two outputs"'));
      expect(run.stdout).toContain(
        'recorded outputs updated in ' +
          join(first.docs, '01-stale.md') +
          ': stale/create-the-namespace, stale/deploy-the-back-end, stale/print-a-password',
      );
      expect(run.stdout).toMatch(
        /not updated in .*01-stale\.md: stale\/two-outputs: it has several recorded outputs/,
      );
      expect(read(first.docs, '02-volatile.md')).toBe(read(FIXTURES, '02-volatile.md'));

      const second = await clustersWithDocs(first.docs);
      const again = await runRehearsalCli(second.fakes, ['--docs', second.docs, '--update-outputs']);
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('recorded outputs updated');
      expect(read(second.docs, '01-stale.md')).toBe(stale);
      expect(read(second.docs, '02-volatile.md')).toBe(read(FIXTURES, '02-volatile.md'));
    },
    2 * REHEARSAL_TIMEOUT,
  );
});

// The rehearsal runner's pure parts: what counts as a step's output, the diff it shows, the answers
// it never shows, and the plan it refuses.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answers } from '../../server/rehearse/answers';
import { unifiedLineDiff } from '../../server/rehearse/lineDiff';
import { planRehearsal } from '../../server/rehearse/plan';
import { missingCommand, stepOutputText } from '../../server/rehearse/stepOutput';

const DOCS = resolve(__dirname, '../../docs');

describe('stepOutputText', () => {
  it('drops the shell echo of each command line, prompts and heredoc continuations included', () => {
    const raw =
      '\x1b[?2004lcat <<EOF\r\n> a: 1\r\n> EOF\r\na: 1\r\n' + 'root@vm:~# oc get pods\r\nNAME   READY\r\n';
    expect(stepOutputText(raw, 'cat <<EOF\na: 1\nEOF\noc get pods')).toBe('a: 1\nNAME   READY');
  });

  it('keeps an output line that only looks like a later command', () => {
    const raw = 'echo oc get pods\r\noc get pods\r\n';
    expect(stepOutputText(raw, 'echo oc get pods')).toBe('oc get pods');
  });
});

describe('missingCommand', () => {
  it('names the command bash could not find', () => {
    expect(missingCommand('Switched to context "aro".\nbash: skupper: command not found\n')).toBe('skupper');
    expect(missingCommand('bash: line 3: crc: command not found')).toBe('crc');
    expect(missingCommand('all good')).toBeUndefined();
  });
});

describe('unifiedLineDiff', () => {
  it('writes a unified hunk: - recorded only, + this run only, a space for both', () => {
    expect(unifiedLineDiff('a\nb\nc', 'a\nx\nc\nd')).toBe('@@ -1,3 +1,4 @@\n a\n-b\n+x\n c\n+d');
  });

  it('keeps a little context around each change and leaves long common runs out', () => {
    const same = ['1', '2', '3', '4', '5', '6'].join('\n');
    expect(unifiedLineDiff(`${same}\nold\n${same}`, `${same}\nnew\n${same}`, 1)).toBe(
      '@@ -6,3 +6,3 @@\n 6\n-old\n+new\n 1',
    );
  });

  it('diffs outputs far longer than a screen without giving up on them', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const changed = lines.map((line, i) => (i === 15_000 ? 'changed' : line));
    expect(unifiedLineDiff(lines.join('\n'), changed.join('\n'), 0)).toBe(
      '@@ -15001,1 +15001,1 @@\n-line 15000\n+changed',
    );
  });
});

describe('Answers', () => {
  it('hands out a step’s answers in order and blanks them (and their lines) out of text', () => {
    const answers = new Answers();
    answers.add('p/step', 'first-secret');
    answers.add('p/step', 'line-one\nline-two');
    expect(answers.take('p/step')).toBe('first-secret');
    expect(answers.scrub('typed first-secret, then line-two')).toBe('typed <answer>, then <answer>');
    expect(answers.take('p/step')).toBe('line-one\nline-two');
    expect(answers.take('p/step')).toBeUndefined();
  });
});

describe('planRehearsal', () => {
  it('orders the pages as the sidebar does and starts at --from', async () => {
    const plan = await planRehearsal({
      docsDir: DOCS,
      pages: [],
      from: 'running-locally/log-in-as-admin',
      variables: { ARO_API_URL: 'https://api.example:6443', GREETING: 'hello' },
    });
    if ('code' in plan) throw new Error(plan.message);
    const story = ['index', 'running-locally', 'split-deployment', 'backend-failure', 'clean-up'];
    expect(plan.pages.map((page) => page.pageId).filter((id) => story.includes(id))).toEqual(story);
    expect(plan.steps[0]?.id).toBe('running-locally/log-in-as-admin');
  });

  it('refuses a page variable without a value, naming the flag and the example', async () => {
    const plan = await planRehearsal({ docsDir: DOCS, pages: ['docs/split-deployment.md'], variables: {} });
    expect(plan).toMatchObject({ code: 'missing-variable' });
    expect('message' in plan && plan.message).toContain('pass --var ARO_API_URL=<value>');
  });

  it('refuses an unknown page, listing the pages there are', async () => {
    const plan = await planRehearsal({ docsDir: DOCS, pages: ['nowhere'], variables: {} });
    expect(plan).toMatchObject({ code: 'unknown-page' });
    expect('message' in plan && plan.message).toContain('running-locally');
  });
});

// The rehearsal runner's pure parts: what counts as a step's output, the diff it shows, the answers
// it never shows, and the plan it refuses.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Answers } from '../../server/rehearse/answers';
import { foldDiff, lineDiff } from '../../server/rehearse/lineDiff';
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

describe('lineDiff', () => {
  it('marks recorded-only lines with - and actual-only lines with +, common lines with spaces', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toBe('  a\n- b\n+ x\n  c\n+ d');
  });

  it('folds long runs of common lines to a little context around each change', () => {
    const same = ['1', '2', '3', '4', '5', '6'];
    const diff = lineDiff([...same, 'old', ...same], [...same, 'new', ...same]);
    expect(foldDiff(diff, 1)).toBe('  ...\n  6\n- old\n+ new\n  1\n  ...');
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
      variables: { ARO_API_URL: 'https://api.example:6443' },
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

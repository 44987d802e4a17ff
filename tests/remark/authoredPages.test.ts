import { describe, expect, it } from 'vitest';
import { fixtureSteps } from './fixtures';

// Pages written for elsewhere, dropped in unedited: each yields its steps, with what runs and what
// was recorded. The same fixtures are built into a site and run in Chromium (tests/e2e/authoring).
describe('a GitHub README', () => {
  const { page, problems } = fixtureSteps('authored/github-readme.md');

  it('finds a step in each `~~~ shell`, `console` and `sh` fence, with nothing to fix', () => {
    expect(problems).toEqual([]);
    expect(page.steps.map((step) => step.lang)).toEqual(['shell', 'console', 'sh']);
  });

  it('takes a "Sample output:" console transcript as the recorded output of the step before it', () => {
    const [say] = page.steps;
    expect(say?.command).toBe('echo "hello from the README"');
    expect(say?.recordedOutputs).toEqual([{ text: 'hello from the README' }]);
  });

  it('runs the `$ ` lines of a transcript and records the lines between them as its output', () => {
    const look = page.steps[1];
    expect(look?.command).toBe("printf 'one\\ntwo\\n'\necho done");
    expect(look?.recordedOutputs).toEqual([{ text: 'one\ntwo\ndone' }]);
  });

  it('pairs an "Output:" fence with its step across an HTML comment', () => {
    expect(page.steps[2]?.command).toBe('uname -s');
    expect(page.steps[2]?.recordedOutputs).toEqual([{ text: 'Linux' }]);
  });
});

describe('an mkdocs-material page', () => {
  const { page, problems } = fixtureSteps('authored/mkdocs-material.md');

  it('finds the steps inside admonitions and content tabs, titled by their fences', () => {
    expect(problems).toEqual([]);
    expect(page.steps.map((step) => step.id)).toEqual([
      'authored/mkdocs-material/greet-from-a-note',
      'authored/mkdocs-material/on-linux',
      'authored/mkdocs-material/on-mac',
      'authored/mkdocs-material/start-the-demo',
      'authored/mkdocs-material/log-in',
    ]);
  });

  it('never runs or copies the `➜  ~` prompt, and keeps it in what the page shows', () => {
    const login = page.steps.find((step) => step.title === 'log in');
    expect(login?.command).toBe('export DEMO_USER=me\necho "hello $DEMO_USER"');
    expect(login?.display).toContain('➜  ~ export DEMO_USER=me');
  });

  it('pairs `output:` and an untagged fence with the step before it', () => {
    const start = page.steps.find((step) => step.title === 'start the demo');
    expect(start?.command).toBe('echo "started"');
    expect(start?.recordedOutputs).toEqual([{ text: 'started' }]);
  });
});

describe('an MDX page', () => {
  const { page, problems } = fixtureSteps('authored/mdx-page.mdx');

  it('finds the steps inside JSX tabs, with their recorded outputs', () => {
    expect(problems).toEqual([]);
    expect(page.title).toBe('An MDX page');
    expect(page.steps.map((step) => [step.command, step.recordedOutputs])).toEqual([
      ['echo "mdx says hi"', [{ text: 'mdx says hi' }]],
      ['echo "second tab"', [{ text: 'second tab' }]],
    ]);
  });
});

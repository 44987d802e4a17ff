import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdownSteps } from '../../src/plugins/loadStepsManifest';
import { currentSetting, isShownIn } from '../../src/client/stepSetting';
import { planRehearsal } from '../../server/rehearse/plan';

const PAGE = [
  '# Start',
  '',
  '```bash title="start the cluster" only="laptop"',
  'crc start',
  '```',
  '',
  '```bash title="use the workshop cluster" only="hosted"',
  'oc project "$USER-south"',
  '```',
  '',
  '```bash title="everywhere"',
  'oc whoami',
  '```',
  '',
  '```bash title="a typo" only="laptops"',
  'true',
  '```',
].join('\n');

describe('the only="laptop|hosted" fence option', () => {
  it('marks a step for one setting, and says so when the setting is not one it knows', () => {
    const { page, problems } = parseMarkdownSteps(PAGE, 'start.md');
    expect(page.steps.map((step) => [step.title, step.only])).toEqual([
      ['start the cluster', 'laptop'],
      ['use the workshop cluster', 'hosted'],
      ['everywhere', undefined],
      ['a typo', undefined],
    ]);
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-only' })]);
    expect(problems[0]?.message).toContain('laptop, hosted');
  });

  it('hides laptop-only steps in a page a workshop server served, and hosted-only ones on a laptop', () => {
    const [laptopOnly, hostedOnly, everywhere] = parseMarkdownSteps(PAGE, 'start.md').page.steps;
    const hosted = currentSetting('rw_workshop=1767225600000');
    const laptop = currentSetting('');
    expect([laptop, hosted]).toEqual(['laptop', 'hosted']);
    expect([laptopOnly, hostedOnly, everywhere].map((step) => isShownIn(step!, hosted))).toEqual([
      false,
      true,
      true,
    ]);
    expect([laptopOnly, hostedOnly, everywhere].map((step) => isShownIn(step!, laptop))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('is honoured by the rehearsal runner’s --setting', async () => {
    const docsDir = mkdtempSync(path.join(os.tmpdir(), 'rw-setting-'));
    try {
      writeFileSync(path.join(docsDir, 'start.md'), PAGE);
      const titles = async (setting: 'laptop' | 'hosted') => {
        const plan = await planRehearsal({ docsDir, pages: [], variables: {}, setting });
        if ('code' in plan) throw new Error(plan.message);
        return plan.steps.map((step) => step.title);
      };
      expect(await titles('hosted')).toEqual(['use the workshop cluster', 'everywhere', 'a typo']);
      expect(await titles('laptop')).toEqual(['start the cluster', 'everywhere', 'a typo']);
    } finally {
      rmSync(docsDir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { walkthroughProgress } from '../../src/client/progress';
import type { StepRecords } from '../../src/client/stepStates';
import { summarizeManifest, type PageSteps, type Step, type StepsManifest } from '../../src/remark/stepModel';
import { walkthroughOf } from '../../src/remark/walkthroughs';
import { inSidebarOrder } from '../../server/rehearse/sidebarOrder';

function step(id: string): Step {
  const pageId = id.slice(0, id.lastIndexOf('/'));
  return {
    id,
    pageId,
    index: 0,
    lang: 'bash',
    terminal: 'main',
    command: 'true',
    display: 'true',
    norun: false,
    background: false,
    recordedOutputs: [],
    variables: [],
  };
}

function page(pageId: string, ...stepNames: string[]): PageSteps {
  return { pageId, title: pageId, variables: {}, steps: stepNames.map((name) => step(`${pageId}/${name}`)) };
}

describe('walkthroughs', () => {
  it('puts the pages at the top of docs/ in one walkthrough and each folder in its own', () => {
    expect(walkthroughOf('running-locally')).toBe('');
    expect(walkthroughOf('authoring/index')).toBe('authoring');
    expect(walkthroughOf('authoring/deep/page')).toBe('authoring');
  });

  it('counts the progress of a walkthrough over all its pages, and only its pages', () => {
    const manifest: StepsManifest = {
      version: 1,
      pages: [page('intro', 'a'), page('guide/one', 'a', 'b'), page('guide/two', 'c')],
    };
    const records = {
      'intro/a': { state: 'passed' },
      'guide/one/a': { state: 'passed' },
      'guide/two/c': { state: 'failed' },
    } as unknown as StepRecords;
    expect(walkthroughProgress(manifest, 'guide', records)).toEqual({
      total: 3,
      passed: 1,
      failed: 1,
      finished: false,
    });
    expect(walkthroughProgress(manifest, '', records).finished).toBe(true);
  });

  it('rehearses the top walkthrough first, then each folder, each in its own sidebar order', () => {
    const pages = [
      { pageId: 'zeta/a' },
      { pageId: 'guide/b' },
      { pageId: 'guide/a' },
      { pageId: 'clean-up' },
      { pageId: 'index' },
    ];
    const positions = new Map([
      ['guide/b', 1],
      ['guide/a', 2],
      ['zeta/a', 1],
      ['index', 1],
      ['clean-up', 5],
    ]);
    expect(inSidebarOrder(pages, positions).map((p) => p.pageId)).toEqual([
      'index',
      'clean-up',
      'guide/b',
      'guide/a',
      'zeta/a',
    ]);
  });
});

describe('the manifest every page loads', () => {
  it('keeps what progress, Run all and the presenter read, and leaves out display text and recorded outputs', () => {
    const full: StepsManifest = {
      version: 1,
      pages: [
        {
          ...page('intro', 'a'),
          steps: [{ ...step('intro/a'), display: '$ true', recordedOutputs: [{ text: 'a long output' }] }],
        },
      ],
    };
    const [summary] = summarizeManifest(full).pages[0]?.steps ?? [];
    expect(summary).not.toHaveProperty('display');
    expect(summary).not.toHaveProperty('recordedOutputs');
    expect(summary).toMatchObject({ id: 'intro/a', command: 'true', terminal: 'main', norun: false });
  });
});

import { describe, expect, it } from 'vitest';
import { parseMarkdownSteps } from '../../src/plugins/loadStepsManifest';
import { fixtureSteps, readFixture } from './fixtures';

describe('which fences are steps', () => {
  it('makes a step of each shell language, in any case, and of nothing else', () => {
    const { page } = fixtureSteps('languages.md');
    expect(page.steps.map((step) => [step.lang, step.command])).toEqual([
      ['bash', 'echo bash'],
      ['sh', 'echo sh'],
      ['shell', 'echo shell'],
      ['console', 'echo console'],
      ['zsh', 'echo zsh'],
      ['bash', 'echo upper'],
    ]);
  });

  it('numbers steps in page order and names the page from its file', () => {
    const { page } = fixtureSteps('languages.md');
    expect(page.pageId).toBe('languages');
    expect(page.title).toBe('Languages');
    expect(page.steps.map((step) => step.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(page.steps.every((step) => step.pageId === 'languages')).toBe(true);
  });
});

describe('fence meta', () => {
  it('reads title, terminal, background and expect, quoted values with spaces included', () => {
    const [portForward] = fixtureSteps('meta.md').page.steps;
    expect(portForward).toMatchObject({
      title: 'port forward the front end',
      terminal: 'north',
      background: true,
      norun: false,
      expect: 'Forwarding from .*:8080',
    });
  });

  it('reads single-quoted titles and bare norun', () => {
    const step = fixtureSteps('meta.md').page.steps[1];
    expect(step).toMatchObject({ title: 'single quoted', norun: true, background: false, terminal: 'main' });
  });

  it('lower-cases terminal names and ignores line highlights and other flags', () => {
    const step = fixtureSteps('meta.md').page.steps[2];
    expect(step).toMatchObject({
      terminal: 'south',
      norun: false,
      background: false,
      command: 'echo one\necho two',
    });
    expect(step?.title).toBeUndefined();
  });

  it('reports an expect that is not a regular expression and drops it', () => {
    const { page, problems } = fixtureSteps('meta.md');
    expect(page.steps[3]?.expect).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'invalid-expect', line: 16 })]);
  });

  it('reports an impossible terminal name and runs the step in main', () => {
    const { page, problems } = parseMarkdownSteps(
      '```bash terminal="no spaces allowed"\nls\n```\n',
      'bad.md',
    );
    expect(page.steps[0]?.terminal).toBe('main');
    expect(problems[0]?.code).toBe('invalid-terminal');
  });
});

describe('command and display', () => {
  const steps = () => fixtureSteps('prompts.md').page.steps;
  const byTitle = (title: string) => steps().find((step) => step.title === title);

  it('strips oh-my-zsh prompts and trailing spaces from the command, not from the display', () => {
    const step = byTitle('log in as admin');
    expect(step?.command).toBe('eval $(crc oc-env)\noc login -u kubeadmin https://api.crc.testing:6443');
    expect(step?.display).toBe(
      '➜  ~ eval $(crc oc-env)   \n➜  ~ oc login -u kubeadmin https://api.crc.testing:6443',
    );
  });

  it('strips `$ ` prompts', () => {
    expect(byTitle('dollar prompts')?.command).toBe('oc get pods\noc get svc');
  });

  it('keeps a `#` line: it is a comment, not a root prompt', () => {
    expect(byTitle('comments stay')?.command).toBe('# a comment is not a prompt\noc whoami');
  });

  it('sends only the prompted lines of a console transcript, with their continuations', () => {
    expect(byTitle('console transcript')?.command).toBe(
      'oc get ns hello-world\noc get pods \\\n    -n hello-world',
    );
  });

  it('keeps every line of a multi-line block, trailing spaces trimmed, blank lines kept', () => {
    expect(byTitle('multi line')?.command).toBe('oc config use-context aro\nskupper init\n\nskupper status');
  });

  it('sends a here-document body with its prompted command, and not the output after it', () => {
    expect(byTitle('heredoc')?.command).toBe(
      "oc apply -f - <<'EOF'\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\nEOF",
    );
  });

  it('strips a zsh prompt that shows a git branch', () => {
    expect(byTitle('zsh git prompt')?.command).toBe('git status');
  });
});

describe('recorded outputs', () => {
  const steps = () => fixtureSteps('outputs.md').page.steps;

  it('pairs a step with the untagged fence after an `output: ` line', () => {
    expect(steps()[0]?.recordedOutputs).toEqual([{ text: 'namespace/hello-world created' }]);
  });

  it('keeps titled outputs as separate entries, in order', () => {
    expect(steps()[1]?.recordedOutputs).toEqual([
      { title: 'for aro', text: 'Skupper is enabled for namespace "north".' },
      { title: 'for local', text: 'Skupper is enabled for namespace "south".' },
    ]);
  });

  it('stops at other content: a fence after a paragraph is not the step output', () => {
    expect(steps()[2]?.recordedOutputs).toEqual([]);
  });

  it('takes a `text` fence as output, and never a yaml fence even after `output:`', () => {
    expect(steps()[3]?.recordedOutputs).toEqual([{ text: 'hi' }]);
    expect(steps()).toHaveLength(4);
  });
});

describe('step ids', () => {
  it('derives ids from the page and the title, numbering repeats and untitled steps per section', () => {
    expect(fixtureSteps('ids.md').page.steps.map((step) => step.id)).toEqual([
      'ids/deploy-the-front-end-image',
      'ids/deploy-the-front-end-image-2',
      'ids/deploy-step-1',
      'ids/check-step-1',
      'ids/creer-l-espace-hello-world',
    ]);
  });

  it('keeps ids when an unrelated paragraph, step or section is added before', () => {
    const original = readFixture('ids.md');
    const edited = original.replace(
      '## deploy\n',
      '## prepare\n\nA new paragraph.\n\n```bash title="a new step"\necho new\n```\n\n```bash\necho new untitled\n```\n\n## deploy\n',
    );
    const before = parseMarkdownSteps(original, 'ids.md').page.steps.map((step) => step.id);
    const after = parseMarkdownSteps(edited, 'ids.md').page.steps.map((step) => step.id);
    expect(after).toEqual(['ids/a-new-step', 'ids/prepare-step-1', ...before]);
  });

  it('takes the page id from a front-matter id, without number prefixes', () => {
    expect(parseMarkdownSteps('```sh\nls\n```\n', '02-guide/03-split.md').page.steps[0]?.id).toBe(
      'guide/split/step-1',
    );
    expect(parseMarkdownSteps('---\nid: custom\n---\n```sh\nls\n```\n', 'dir/x.md').page.pageId).toBe(
      'dir/custom',
    );
  });
});

describe('variables', () => {
  it('lists the declared variables a command references, as ${NAME} or $NAME, not look-alikes', () => {
    const { page } = fixtureSteps('variables.md');
    expect(page.steps[0]?.variables).toEqual(['ARO_API_URL', 'NAMESPACE']);
    expect(page.steps[1]?.variables).toEqual(['NAMESPACE']);
  });

  it('carries the front-matter declarations into the page', () => {
    expect(fixtureSteps('variables.md').page.variables).toEqual({
      ARO_API_URL: {
        description: 'API server URL of your Azure Red Hat OpenShift cluster',
        example: 'https://api.azhnz6tm.eastus.aroapp.io:6443/',
      },
      NAMESPACE: { example: 'north' },
      UNUSED: { description: 'declared, never used' },
    });
  });
});

describe('secrets in recorded output', () => {
  const outputs = () =>
    fixtureSteps('secrets.md').page.steps.map((step) => step.recordedOutputs[0]?.text ?? '');

  it("redacts the kubeadmin password an author forgot, and keeps developer's documented one", () => {
    const [crcStart] = outputs();
    expect(crcStart).not.toContain('cKiLy-5umju-GnxbP-Lfqpb');
    expect(crcStart).toContain('  Password: <redacted>\n');
    expect(crcStart).toContain('  Password: developer');
  });

  it('leaves text that is already redacted as it is', () => {
    expect(outputs()[1]).toBe(
      "To login as an admin, run 'oc login -u kubeadmin -p <redacted> https://api.crc.testing:6443'\n  Password: <redacted>",
    );
  });

  it('redacts OpenShift and bearer tokens', () => {
    expect(outputs()[2]).toBe('sha256~<redacted>\nAuthorization: Bearer <redacted>');
  });
});

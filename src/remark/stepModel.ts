// The step model: what a page's runnable steps are, shared by the remark plugin (build), the CodeBlock
// wrapper (browser), the terminal server and the rehearsal runner (Node). Plain data, JSON-serialisable.

/** Fence languages that make a block a runnable step. */
export const STEP_LANGUAGES = ['bash', 'sh', 'shell', 'console', 'zsh'] as const;

/** Fence languages (besides none at all) that make a block a recorded output when it follows a step. */
export const OUTPUT_LANGUAGES = ['text', 'txt', 'plaintext', 'output'] as const;

export const DEFAULT_TERMINAL = 'main';

/** What a terminal name may be (mirrors `TerminalName` in src/protocol/messages.ts). */
export const TERMINAL_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,47}$/;

/**
 * Where a walkthrough runs: on the reader's `laptop`, or in a `hosted` workshop's workspace. A step
 * fenced with `only="laptop"` (e.g. `crc start`, which a workspace cannot do) is hidden in a hosted
 * workshop, and `only="hosted"` the reverse; one set of pages serves both.
 */
export const STEP_SETTINGS = ['laptop', 'hosted'] as const;
export type StepSetting = (typeof STEP_SETTINGS)[number];

export interface RecordedOutput {
  title?: string;
  /** As authored, with secrets redacted. `<redacted>` stands for "any value" when compared. */
  text: string;
}

export interface Step {
  /** Stable across unrelated edits: `<pageId>/<slug of title>` (`-2`, `-3` for repeats), or position-based when untitled. */
  id: string;
  pageId: string;
  /** 0-based position among the page's steps. */
  index: number;
  title?: string;
  /** The fence language, lower-cased (`bash`, `sh`, `shell`, `console`, `zsh`). */
  lang: string;
  /** Named terminal the step runs in. */
  terminal: string;
  /** What is sent to the shell and copied: prompt prefixes and console output lines removed, trailing spaces trimmed. */
  command: string;
  /** The block exactly as authored, prompts included. */
  display: string;
  /** Shown and copyable, never run (e.g. a command that only makes sense on the author's machine). */
  norun: boolean;
  /** Long-running (e.g. `oc port-forward`): runs without blocking later steps, until stopped. */
  background: boolean;
  /** A regular expression the step's output must match to pass. */
  expect?: string;
  /** Shown and run only in this setting (`only="laptop"` or `only="hosted"`); absent: everywhere. */
  only?: StepSetting;
  recordedOutputs: RecordedOutput[];
  /** Names of the page's front-matter variables that the command references as `${NAME}` or `$NAME`. */
  variables: string[];
}

export interface PageVariable {
  description?: string;
  example?: string;
}

export interface PageSteps {
  /** The Docusaurus doc id (path under docs/ without extension and number prefixes, or front-matter `id`). */
  pageId: string;
  title: string;
  permalink?: string;
  variables: Record<string, PageVariable>;
  steps: Step[];
}

export interface StepsManifest {
  version: 1;
  pages: PageSteps[];
}

/** Something in a page the author should fix; the page still builds. */
export interface StepProblem {
  code: 'invalid-terminal' | 'invalid-expect' | 'invalid-variables' | 'empty-command' | 'invalid-only';
  message: string;
  line?: number;
}

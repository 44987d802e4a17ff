/**
 * Answers to the prompts steps ask (crc's pull secret, a password): typed into the terminal when the
 * step waits for input, in the order given, and never written to a log or a report.
 */
import { readFileSync } from 'node:fs';

export interface AnswerError {
  code: 'bad-answer';
  message: string;
}

export class Answers {
  private readonly queues = new Map<string, string[]>();
  private readonly values = new Set<string>();

  add(stepId: string, answer: string): void {
    this.queues.set(stepId, [...(this.queues.get(stepId) ?? []), answer]);
    if (answer.length > 0) this.values.add(answer);
  }

  /** The next answer for a step, or undefined when none is left. */
  take(stepId: string): string | undefined {
    return this.queues.get(stepId)?.shift();
  }

  stepIds(): string[] {
    return [...this.queues.keys()];
  }

  /** Blanks every answer (and each line of a multi-line one) out of text about to be shown or saved. */
  scrub(text: string): string {
    let result = text;
    const pieces = [...this.values].flatMap((value) => [value, ...value.split(/\r?\n/)]);
    for (const piece of pieces.filter((p) => p.trim().length >= 4).sort((a, b) => b.length - a.length)) {
      result = result.split(piece).join('<answer>');
    }
    return result;
  }
}

function splitPair(pair: string, flag: string): [string, string] | AnswerError {
  const eq = pair.indexOf('=');
  if (eq <= 0) {
    return { code: 'bad-answer', message: `${flag} expects <stepId>=<value>, got "${pair.slice(0, 40)}".` };
  }
  return [pair.slice(0, eq), pair.slice(eq + 1)];
}

export interface AnswerSources {
  /** `--answer <stepId>=<text>` */
  inline: readonly string[];
  /** `--answer-env <stepId>=<ENV_VAR>`: the text is that variable's value (keeps it out of `ps`). */
  fromEnv: readonly string[];
  /** `--answers <file>`: `<stepId>=<text>` per line, `#` comments. */
  files: readonly string[];
}

export function loadAnswers(
  sources: AnswerSources,
  env: NodeJS.ProcessEnv = process.env,
): Answers | AnswerError {
  const answers = new Answers();
  for (const file of sources.files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return {
        code: 'bad-answer',
        message: `Cannot read the answers file ${file}: ${(error as Error).message}.`,
      };
    }
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const pair = splitPair(line, `A line of ${file}`);
      if (!Array.isArray(pair)) return pair;
      answers.add(pair[0].trim(), pair[1]);
    }
  }
  for (const entry of sources.fromEnv) {
    const pair = splitPair(entry, '--answer-env');
    if (!Array.isArray(pair)) return pair;
    const value = env[pair[1]];
    if (value === undefined) {
      return {
        code: 'bad-answer',
        message: `--answer-env ${pair[0]}: the environment variable ${pair[1]} is not set.`,
      };
    }
    answers.add(pair[0], value);
  }
  for (const entry of sources.inline) {
    const pair = splitPair(entry, '--answer');
    if (!Array.isArray(pair)) return pair;
    answers.add(pair[0], pair[1]);
  }
  return answers;
}

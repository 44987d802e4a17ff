/**
 * Our bash rc file: it sources the user's own rc (bash itself still reads the system one), then
 * marks prompt start (A), prompt end (B), command start (C) and command end with its exit status
 * (D) with OSC 133 sequences carrying the terminal's nonce, and defines `__rw_run`, which runs a
 * step's block command by command in this same shell.
 *
 * A block is split into complete commands, not lines: lines are gathered until `bash -n` finds no
 * unexpected end (a heredoc, a quote or a `do ... done` spanning lines; a trailing backslash is
 * checked by hand because `bash -n` accepts it). Each command is shown like a typed line, added to
 * the history, and evaluated; the first that fails ends the step, and its first line goes to the
 * server in the `D` mark.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Kept as a shell file beside this module, so that it reads (and lints) as shell.
const RC_SOURCE = path.join(__dirname, 'bashrc.sh');

export interface ShellIntegration {
  rcFile: string;
  stepsDir: string;
}

/** Writes the rc file and makes the steps directory (both private to this user). */
export function installShellIntegration(stateDir: string): ShellIntegration {
  const stepsDir = path.join(stateDir, 'steps');
  mkdirSync(stepsDir, { recursive: true, mode: 0o700 });
  const rcFile = path.join(stateDir, 'bashrc');
  // Other hubs of this user share the state directory: a shell starting now must never read a
  // half-written rc file, so write it aside and rename it into place (atomic on one file system).
  const staged = `${rcFile}.${process.pid}`;
  writeFileSync(staged, readFileSync(RC_SOURCE, 'utf8'), { mode: 0o600 });
  renameSync(staged, rcFile);
  return { rcFile, stepsDir };
}

/** The arguments that start bash with our rc file, interactive. */
export function shellArgs(integration: ShellIntegration): string[] {
  return ['--rcfile', integration.rcFile, '-i'];
}

/** What the rc file reads from the environment (and removes before the user's rc runs). */
export function integrationEnv(integration: ShellIntegration, nonce: string): Record<string, string> {
  return { __RW_NONCE: nonce, __RW_STEPS: integration.stepsDir };
}

/**
 * The blocks handed to one shell: each goes in a file and a short line that runs it is typed. The
 * shell empties the file as it reads it (bashrc.sh); the file itself goes when the next block is
 * staged or the shell ends, so a block whose line never ran (dropped by Ctrl-C) does not stay behind.
 */
export class StagedSteps {
  private last: string | undefined;

  constructor(private readonly integration: ShellIntegration) {}

  stage(block: string): string {
    this.removeLast();
    const id = randomBytes(8).toString('hex');
    this.last = path.join(this.integration.stepsDir, `${id}.sh`);
    writeFileSync(this.last, block.endsWith('\n') ? block : `${block}\n`, { mode: 0o600 });
    // A leading space keeps it out of the history with HISTCONTROL=ignorespace; HISTIGNORE covers the rest.
    return ` __rw_run ${id}\r`;
  }

  /**
   * Removes what an ended shell left in the steps directory: its last block, and the file its rc
   * parses multi-line steps into (`.syntax-<pid>`, see bashrc.sh), which the shell keeps for its
   * whole life to avoid a fork per line.
   */
  forget(pid: number): void {
    this.removeLast();
    rmSync(path.join(this.integration.stepsDir, `.syntax-${pid}`), { force: true });
  }

  private removeLast(): void {
    if (this.last !== undefined) rmSync(this.last, { force: true });
    this.last = undefined;
  }
}

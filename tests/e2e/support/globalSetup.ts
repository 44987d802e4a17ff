import { randomUUID } from 'node:crypto';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One id per `vitest run`: the site is built at most once per run (see build.ts). */
    siteBuildRunId: string;
  }
}

// Cheap on purpose: runs for every test run, including ones that need no site. The build itself
// happens in the first test file that asks for it.
export default function setup(project: TestProject): void {
  project.provide('siteBuildRunId', randomUUID());
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // Hands each run an id, so the site is built at most once per run (tests/e2e/support/build.ts).
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    // Real shells and a real browser: allow for a slow, busy 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // expect.poll waits on a real page or shell: a loaded CI machine needs more than the 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Integration tests spawn ptys and servers; two at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
  },
});

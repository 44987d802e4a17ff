/**
 * How this project starts a headless Chromium, wherever it does: the diagrams tool (`npm run
 * diagrams`), the browser tests and the benches. The system browser (CHROMIUM_PATH to use another),
 * and flags for a machine with no GPU, no sandbox for root, and nothing phoning home. Node only:
 * it lives beside the build plugins because the diagrams tool is one, and the page never imports it.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

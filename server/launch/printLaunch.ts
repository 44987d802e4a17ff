import type { Logger } from '../log';
import type { TerminalServer } from '../terminalServer';

/** The one line a reader acts on, set apart so it is found in a scrolling terminal. */
export function printLaunch(
  server: TerminalServer,
  siteOrigin: string,
  audience: boolean,
  log: Logger,
): void {
  const lines = [
    '',
    "Open this URL (it carries this start's token; do not share it):",
    '',
    `  ${server.launchUrl(siteOrigin)}`,
    '',
  ];
  if (audience) {
    lines.push(
      'Watch-only URL for an audience:',
      '',
      `  ${server.launchUrl(siteOrigin, { audience: true })}`,
      '',
    );
  }
  lines.push('Press Ctrl-C to stop the site and every terminal.', '');
  log.info(lines.join('\n'));
}

import { createServer } from 'node:net';

/**
 * Whether a port is free on a host, asked before starting Docusaurus: it would otherwise ask a
 * question on a terminal it does not have, or quietly pick another port than the URL we print.
 */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

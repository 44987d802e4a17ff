/**
 * `terminals --token-file` (and `--audience-token-file`): a token read from a file rather than made at start. A
 * workspace pod mounts its Secret there, so the workshop router knows the token before the pod runs.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './usageError';

/** What a URL's query carries unescaped, and long enough not to be guessed. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,512}$/;

export function readTokenFile(path: string, flag: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${flag} ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const token = text.trim();
  if (!TOKEN_SHAPE.test(token)) {
    throw new UsageError(
      `${flag} ${path} does not hold a token: 32 to 512 characters of A-Z, a-z, 0-9, _ and -.`,
    );
  }
  return token;
}

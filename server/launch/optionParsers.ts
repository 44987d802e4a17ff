/**
 * Parsers for command-line values. Each throws commander's InvalidArgumentError with a sentence
 * that names the accepted form, which commander prints before the CLI exits with status 2.
 */
import { InvalidArgumentError } from 'commander';
import { normalizeOrigin } from '../transport/upgradeGuard';
import { UsageError } from './usageError';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one).');
  }
  return port;
}

export function parseCount(value: string): number {
  const count = Number(value);
  if (!/^\d{1,4}$/.test(value) || count < 1)
    throw new InvalidArgumentError('expected a whole number from 1 to 9999.');
  return count;
}

/** CPUs' worth of time, as Kubernetes writes it: `1`, `0.5`, `2`, or millicores `500m`. */
export function parseCpus(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(m)?$/.exec(value.trim());
  const cpus = match ? Number(match[1]) / (match[2] ? 1000 : 1) : NaN;
  if (!(cpus >= 0.01 && cpus <= 1024))
    throw new InvalidArgumentError('CPUs look like 1, 0.5 or 500m, from 0.01 (10m) to 1024.');
  return cpus;
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** `500ms`, `90s`, `5m`, `1h`; a bare number is seconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!match)
    throw new InvalidArgumentError('a duration looks like 90s, 5m or 1h (a bare number is seconds).');
  const unit = (match[2] ?? 's') as keyof typeof UNIT_MS;
  return Math.round(Number(match[1]) * UNIT_MS[unit]);
}

const UNIT_BYTES = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;

/** `512m`, `2g`, `1.5g` (powers of 1024); at least 64m, since a shell and its CLIs need that much. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)([kmg])i?b?$/i.exec(value.trim());
  const bytes = match
    ? Number(match[1]) * UNIT_BYTES[match[2]!.toLowerCase() as keyof typeof UNIT_BYTES]
    : NaN;
  if (!(bytes >= 64 * 1024 ** 2))
    throw new InvalidArgumentError('a size looks like 512m or 2g, and is at least 64m.');
  return Math.round(bytes);
}

/** Accumulates `--allow-origin a b` and repeated `--allow-origin` into normalized origins. */
export function collectOrigin(value: string, previous: string[] = []): string[] {
  const origin = normalizeOrigin(value);
  if (!origin || new URL(value).pathname.length > 1) {
    throw new InvalidArgumentError(
      `"${value}" is not an origin; write it as scheme://host:port, e.g. http://localhost:3000.`,
    );
  }
  return [...previous, origin];
}

/** The environment's PORT, validated like --port; undefined when unset. */
export function portFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.PORT?.trim();
  if (!value) return undefined;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) {
    throw new UsageError(`PORT=${value} is not a port (a whole number from 0 to 65535).`);
  }
  return port;
}

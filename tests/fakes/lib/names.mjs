// Generated names as Kubernetes makes them, so that outputs look like the recorded ones.
import { randomInt, randomUUID } from 'node:crypto';

// k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3, so that no word is ever spelled.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(length = 5) {
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += ALPHANUMS[randomInt(ALPHANUMS.length)];
  return suffix;
}

/** The pod-template-hash: fnv-32a of the template, its decimal digits safe-encoded (9 or 10 chars). */
export function templateHash(template) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(JSON.stringify(template))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [...String(hash)].map((digit) => ALPHANUMS[digit.charCodeAt(0) % ALPHANUMS.length]).join('');
}

/** `cKiLy-5umju-GnxbP-Lfqpb`: crc's kubeadmin password shape. */
export function generatedPassword() {
  const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const group = () => Array.from({ length: 5 }, () => chars[randomInt(chars.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export function randomUuid() {
  return randomUUID();
}

export function randomIp(prefix) {
  const parts = prefix.split('.').length;
  const rest = Array.from({ length: 4 - parts }, () => randomInt(10, 250));
  return [prefix, ...rest].join('.');
}
